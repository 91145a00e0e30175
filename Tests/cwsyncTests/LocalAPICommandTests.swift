import CoinWeightAPI
import CoinWeightHTTPClient
import CoinWeightTestSupport
import Foundation
import Testing

/// `cwsync run --api-port` and `cwsync api-key` as a user runs them.
@Suite("cwsync run --api-port", .serialized)
struct LocalAPICommandTests {
    @Test("a non-loopback --api-address without --allow-remote-api, or an --api-allow-origin that is no origin, is one line and exit 64, the store untouched")
    func refusedFlags() async throws {
        try await withTemporaryDirectory { folder in
            let store = folder.appendingPathComponent("cwsync.sqlite").path
            let remote = try await CWSyncBinary.run(["run", "--store", store, "--api-port", "0", "--api-address", "0.0.0.0"])
            #expect(remote.status == 64 && remote.out.isEmpty)
            #expect(
                remote.err.split(separator: "\n") == [
                    "cwsync: --api-address 0.0.0.0 is not a loopback address: pass --allow-remote-api to serve the local API beyond this machine"
                ], "\(remote.err)")
            let origin = try await CWSyncBinary.run(["run", "--store", store, "--api-port", "0", "--api-allow-origin", "localhost:3000"])
            #expect(origin.status == 64 && origin.err.contains("--api-allow-origin localhost:3000 is not an origin"), "\(origin.err)")
            let port = try await CWSyncBinary.run(["run", "--store", store, "--api-port", "70000"])
            #expect(port.status == 64 && port.err.contains("--api-port must be from 0 to 65535"), "\(port.err)")
            #expect(!FileManager.default.fileExists(atPath: store) && !FileManager.default.fileExists(atPath: store + ".lock"))
        }
    }

    @Test(
        "api-key: refused without a store; then one key, mode 0600, the same each time until --renew; the daemon takes it, and SIGTERM ends it with a change feed open"
    )
    func keyAndDaemon() async throws {
        try await withTemporaryDirectory { folder in
            let store = folder.appendingPathComponent("cwsync.sqlite").path
            let missing = try await CWSyncBinary.run(["api-key", "--store", store])
            #expect(missing.status == 1 && missing.err.contains("log in first"), "\(missing.err)")
            #expect(!FileManager.default.fileExists(atPath: store))

            let emulator = try CWSyncBinary.launch(["--port", "0"], of: .emulator)
            defer { emulator.kill() }
            let upstream = try #require(URL(string: try await emulator.firstLine()))
            let login = try await CWSyncBinary.run(
                ["login", "--user", "abc", "--password-stdin", "--store", store, "--endpoint", upstream.absoluteString], input: "abc_password\n")
            #expect(login.status == 0, "\(login.err)")
            let key = try await CWSyncBinary.run(["api-key", "--store", store]).out.trimmingCharacters(in: .newlines)
            #expect(key.hasPrefix("cwk_") && key.count == 68)
            #expect(try await CWSyncBinary.run(["api-key", "--store", store]).out.trimmingCharacters(in: .newlines) == key)
            let mode = try FileManager.default.attributesOfItem(atPath: store + ".api-key")[.posixPermissions] as? Int
            #expect(mode == 0o600)

            let daemon = try CWSyncBinary.launch(["run", "--store", store, "--interval", "3600", "--api-port", "0"])
            defer { daemon.kill() }
            let line = try await daemon.firstLine()
            #expect(line.hasPrefix("api: http://127.0.0.1:") && line.contains("/exp/v2"), "\(line)")
            let base = try #require(URL(string: String(line.dropFirst("api: ".count).prefix { $0 != " " })))
            let client = try CoinWeightClient(baseURL: base, transport: try AsyncHTTPClientTransport(), authToken: AuthToken(key))
            try await waitUntil("the daemon serves abc's favorites") { (try? await client.favorites(uid: 2).isEmpty) == false }
            let renewed = try await CWSyncBinary.run(["api-key", "--store", store, "--renew"]).out.trimmingCharacters(in: .newlines)
            #expect(renewed != key && renewed.hasPrefix("cwk_"))
            await #expect(throws: CoinWeightError.self, "the old key stops working at once") { try await client.favorites(uid: 2) }

            // A reader of the feed from its start, still reading when the daemon is told to stop.
            let reading = LockedValue(false)
            let feed = Task {
                try await EventStream.read(
                    try #require(URL(string: "/_cwsync/events", relativeTo: base)).absoluteURL,
                    headers: ["Authorization": "Bearer \(renewed)", "Last-Event-ID": "0"], timeout: .seconds(120)
                ) { _ in
                    reading.set(true)
                    return false
                }
            }
            try await waitUntil("the change feed is open and has sent the changes so far") { reading.get() }
            let (took, exit, log) = await daemon.terminate()
            #expect(exit == .status(0), "\(log)")
            #expect(took < .seconds(30), "an open change feed does not hold up the shutdown: \(took)")
            _ = try? await feed.value
        }
    }
}
