import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightStore
import CoinWeightSync
import CoinWeightTestSupport
import Foundation
import Logging
import Testing

/// The facade an app holds: login kept in a 0600 file, restored on reopen, never logged.
@Suite("Mirror facade")
struct MirrorTests {
    @Test("login saves a 0600 session, a reopened mirror syncs without a password, logout forgets it; the token is never logged")
    func sessionLifecycle() async throws {
        let logs = CapturedLogs()
        let logger = Logger(label: "cwsync.test") { _ in logs.handler() }
        try await CoinWeightEmulator.withRunning { running, _ in
            try await withTemporaryDirectory { folder in
                let storePath = folder.appendingPathComponent("cwsync.sqlite").path
                let mirror = try CoinWeightMirror(storePath: storePath, baseURL: running.baseURL, logger: logger)
                #expect(await mirror.syncNow().authRequired)
                let session = try await mirror.login(Credentials(userName: "abc", password: "abc_password"))
                let file = SessionFile(besideStore: storePath).path
                let permissions = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? NSNumber
                #expect(permissions?.intValue == 0o600)
                #expect(try String(contentsOfFile: file, encoding: .utf8).contains(session.authToken.rawValue))
                #expect(await mirror.syncNow().isComplete)
                try mirror.store.close()

                let reopened = try CoinWeightMirror(storePath: storePath, baseURL: running.baseURL, logger: logger)
                #expect(await reopened.session == session)
                let report = await reopened.syncNow()
                #expect(report.isComplete, "\(report.failures)")
                try await reopened.logout()
                #expect(!FileManager.default.fileExists(atPath: file))
                #expect(await reopened.syncNow().authRequired)
                #expect(await reopened.state.phase == .loggedOut)
                #expect(try await reopened.store.read(.userInfo(uid: 2)) != nil, "logging out keeps the mirror")
                try reopened.store.close()

                let everything = logs.lines.joined(separator: "\n")
                #expect(!logs.lines.isEmpty)
                #expect(!everything.contains(session.authToken.rawValue) && !everything.contains("abc_password"))
            }
        }
    }
}

/// Every log line at every level, message and metadata, for checking what reaches a log.
final class CapturedLogs: @unchecked Sendable {
    private let lock = NSLock()
    private var captured: [String] = []

    var lines: [String] { lock.withLock { captured } }

    func append(_ line: String) { lock.withLock { captured.append(line) } }

    func handler() -> Handler { Handler(logs: self) }

    struct Handler: LogHandler {
        let logs: CapturedLogs
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            logs.append("\(event.level) \(event.message) \(event.metadata ?? [:]) \(metadata)")
        }
    }
}
