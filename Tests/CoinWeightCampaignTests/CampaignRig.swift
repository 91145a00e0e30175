import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightSync
import CoinWeightTestSupport
import Foundation
import Testing

/// What a campaign runs on: an emulator in this process (the server, with its fault plan and
/// its state dump), a store folder, and the built `cwsync` run as a user runs it, every line
/// it logs (at trace level) kept in files under `logs/` to be searched at the end.
///
/// This process never opens the store while a `cwsync` may have it open: POSIX locks belong
/// to the process, and closing any descriptor on the file would drop the other's.
struct CampaignRig: Sendable {
    let running: RunningEmulator
    let state: EmulatorState
    let folder: URL
    /// The CA file to trust when the emulator serves TLS.
    let caFile: String?
    /// Every token a login wrote to the session file.
    let tokens = TokenRecord()
    /// Every daemon started, so that none outlives a campaign that stopped half-way.
    let daemons = DaemonRecord()

    var store: String { folder.appendingPathComponent("state/cwsync.sqlite").path }
    var logs: URL { folder.appendingPathComponent("logs") }
    /// The options of a command that talks to the server.
    var online: [String] {
        ["--store", store, "--endpoint", running.baseURL.absoluteString, "--log-level", "trace"] + (caFile.map { ["--ca-file", $0] } ?? [])
    }

    /// Runs `body` on a fresh emulator holding `seedOrders` orders of abc over `seedDays` days,
    /// serving HTTPS with a certificate of its own CA when `tls` (the commands trust that CA).
    static func with<T: Sendable>(seedOrders: Int, seedDays: Int, tls: Bool = false, _ body: (CampaignRig) async throws -> T) async throws -> T {
        let certificate = try tls ? EmulatorTLS.selfSigned() : nil
        let configuration = EmulatorConfiguration(controlEnabled: true, seedOrders: seedOrders, seedDays: seedDays, tls: certificate)
        return try await CoinWeightEmulator.withRunning(configuration) { running, state in
            try await withTemporaryDirectory { folder in
                try FileManager.default.createDirectory(at: folder.appendingPathComponent("logs"), withIntermediateDirectories: true)
                let caFile = folder.appendingPathComponent("ca.pem")
                if let certificate { try Data(certificate.caCertificatePEM.utf8).write(to: caFile) }
                let rig = CampaignRig(running: running, state: state, folder: folder, caFile: certificate == nil ? nil : caFile.path)
                defer { rig.daemons.killRunning() }
                return try await body(rig)
            }
        }
    }

    /// Runs `cwsync arguments` to its end; its standard error is added to `logs/commands.log`.
    @discardableResult
    func cwsync(_ arguments: [String], input: String? = nil) async throws -> CWSyncRun {
        let result = try await CWSyncBinary.run(arguments, input: input)
        let log = try FileHandle(forWritingTo: try commandLog())
        defer { try? log.close() }
        try log.seekToEnd()
        try log.write(contentsOf: Data("$ cwsync \(arguments.first ?? "") … (exit \(result.status))\n\(result.err)".utf8))
        return result
    }

    private func commandLog() throws -> URL {
        let url = logs.appendingPathComponent("commands.log")
        if !FileManager.default.fileExists(atPath: url.path) { FileManager.default.createFile(atPath: url.path, contents: nil) }
        return url
    }

    /// Logs abc in with `cwsync login`, as many times as a faulted server needs, and records
    /// the token it saved.
    func login() async throws {
        var last = ""
        for _ in 1...100 {
            let result = try await cwsync(["login", "--user", "abc", "--password-stdin"] + online, input: "abc_password\n")
            if result.status == 0 {
                let token = try #require(SessionFile(besideStore: store).load()?.authToken.rawValue, "login saved no session")
                await tokens.insert(token)
                return
            }
            last = result.err
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("no login in 100 attempts: \(last)")
        throw CampaignFailure("no login")
    }

    /// Starts `cwsync run` with its output in `logs/daemon-NUMBER.log`.
    func startDaemon(_ number: Int, interval: Int) throws -> ChildProcess {
        let log = logs.appendingPathComponent("daemon-\(number).log")
        let process = try ChildProcess.spawn(try CWSyncBinary.url().path, ["run", "--interval", "\(interval)"] + online, output: log, errors: log)
        daemons.add(process)
        return process
    }

    /// `cwsync status --json`: whether a login is needed, and the outbox by state.
    func status() async throws -> CampaignStatus {
        let result = try await cwsync(["status", "--json", "--store", store])
        guard result.status == 0 else { throw CampaignFailure("status failed: \(result.err)") }
        return try JSONDecoder().decode(CampaignStatus.self, from: Data(result.out.utf8))
    }

    /// The log files under `logs/` that hold a recorded token, and how many bytes were searched.
    func logsHoldingTokens() async throws -> (files: [String], bytes: Int) {
        let tokens = await tokens.all
        var holding: [String] = []
        var bytes = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: logs.path).sorted() {
            let text = String(decoding: try Data(contentsOf: logs.appendingPathComponent(name)), as: UTF8.self)
            bytes += text.utf8.count
            if tokens.contains(where: text.contains) { holding.append(name) }
        }
        return (holding, bytes)
    }
}

/// What a campaign reads of `cwsync status --json`.
struct CampaignStatus: Decodable {
    struct Outbox: Decodable { var counts: [String: Int] }
    var authRequired: Bool
    var outbox: Outbox

    /// Writes not yet settled: pending or being sent.
    var waiting: Int { (outbox.counts["pending"] ?? 0) + (outbox.counts["sending"] ?? 0) }
}

/// The daemons a campaign started.
final class DaemonRecord: @unchecked Sendable {
    private let lock = NSLock()
    private var processes: [ChildProcess] = []

    func add(_ process: ChildProcess) { lock.withLock { processes.append(process) } }

    /// SIGKILLs those still running and reaps them.
    func killRunning() {
        for process in lock.withLock({ processes }) { process.kill() }
    }
}

/// The tokens the campaign's logins obtained.
actor TokenRecord {
    private(set) var all: Set<String> = []
    func insert(_ token: String) { all.insert(token) }
}

/// A campaign could not go on.
struct CampaignFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
