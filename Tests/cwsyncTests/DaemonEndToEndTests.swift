import CoinWeightAPI
import CoinWeightTestSupport
import Foundation
import Testing

/// The built `cwsync` as a person or a script uses it: log in, sync, query offline, queue a
/// write offline, and a `cwsync run` delivering it once the server is back.
@Suite("cwsync end to end", .serialized)
struct DaemonEndToEndTests {
    /// `cwsync-emulator --port PORT` (a free one by default) as a child process, and its base URL.
    private func startEmulator(port: Int = 0) async throws -> (LaunchedCWSync, String) {
        let emulator = try CWSyncBinary.launch(["--port", String(port), "--seed-orders", "300", "--seed-days", "10"], of: .emulator)
        do {
            return (emulator, try await emulator.firstLine())
        } catch {
            emulator.kill()
            throw error
        }
    }

    @Test("login, sync, offline query, offline write, run delivers it after a new login, SIGTERM stops it with exit 0")
    func endToEnd() async throws {
        try await withTemporaryDirectory { folder in
            let store = folder.appendingPathComponent("state/cwsync.sqlite").path
            var (emulator, url) = try await startEmulator()
            defer { emulator.kill() }

            let login = try await CWSyncBinary.run(
                ["login", "--user", "abc", "--password-stdin", "--store", store, "--endpoint", url], input: "abc_password\n")
            #expect(login.status == 0, "\(login.err)")
            let session = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("state/session.json").path)
            #expect((session[.posixPermissions] as? Int) == 0o600)
            let sync = try await CWSyncBinary.run(["sync", "--store", store, "--endpoint", url])
            #expect(sync.status == 0 && sync.out.contains("orderHistory: synced"), "\(sync.out)\(sync.err)")

            _ = await emulator.terminate()
            let offline = try await CWSyncBinary.run(["orders", "--history", "--limit", "5", "--json", "--store", store])
            let orders = offline.out.split(separator: "\n").filter { $0.contains("streetOrderId") }
            #expect(offline.status == 0 && orders.count == 5, "offline history: \(offline.out)\(offline.err)")
            let unreachable = try await CWSyncBinary.run(["sync", "--store", store, "--endpoint", url])
            #expect(unreachable.status == 4, "offline sync exits 4: \(unreachable.err)")
            #expect(
                unreachable.out.isEmpty && unreachable.err.split(separator: "\n").count == 1 && unreachable.err.contains("offline, nothing synced or sent"),
                "one line: \(unreachable.out)\(unreachable.err)")
            #expect(try await CWSyncBinary.run(["orders", "--history", "--limit", "5", "--json", "--store", store]).out == offline.out, "nothing changed")
            let queued = try await CWSyncBinary.run(["favorite", "add", "okcoin", "BTC-USDT", "--store", store, "--endpoint", url])
            #expect(queued.status == 0, "\(queued.err)")

            // The server comes back at its address (a fresh one, so the old token is refused:
            // the write waits).
            (emulator, url) = try await startEmulator(port: try #require(URL(string: url)?.port))
            let daemon = try CWSyncBinary.launch(["run", "--store", store, "--endpoint", url, "--interval", "2"])
            defer { daemon.kill() }
            try await waitUntil("the daemon claimed the store") { daemon.holdsLock(of: store) }
            let second = try await CWSyncBinary.run(["run", "--store", store, "--endpoint", url])
            #expect(second.status != 0 && second.err.contains("already serves this store"), "\(second.err)")
            let relogin = try await CWSyncBinary.run(
                ["login", "--user", "abc", "--password-stdin", "--store", store, "--endpoint", url], input: "abc_password\n")
            #expect(relogin.status == 0)

            let client = try CoinWeightClient(baseURL: try #require(URL(string: url)))
            let abc = try await client.login(Credentials(userName: "abc", password: "abc_password"))
            try await waitUntil("the daemon delivered the favorite") {
                try await client.favorites(uid: abc.uid).contains { $0.counterParty == "okcoin" && $0.symbol == "BTC-USDT" }
            }
            let listed = try await CWSyncBinary.run(["outbox", "list", "--json", "--store", store])
            #expect(listed.out.contains(#""state":"delivered""#), "\(listed.out)")

            let (_, exit, log) = await daemon.terminate()
            #expect(exit == .status(0), "\(log)")
            #expect(!log.contains(abc.authToken.rawValue), "the token never reaches the log")
            let check = try await CWSyncBinary.run(["store", "check", "--store", store])
            #expect(check.status == 0 && check.out.hasPrefix("ok"))
        }
    }

    @Test("run with nobody logged in says it waits for a login, and starts syncing once one is made from another shell")
    func waitsForLogin() async throws {
        try await withTemporaryDirectory { folder in
            let store = folder.appendingPathComponent("cwsync.sqlite").path
            let (emulator, url) = try await startEmulator()
            defer { emulator.kill() }
            let daemon = try CWSyncBinary.launch(["run", "--store", store, "--endpoint", url])
            defer { daemon.kill() }
            try await waitUntil("the daemon says it waits") { daemon.errors.contains("nobody is logged in; waiting for a login") }
            let login = try await CWSyncBinary.run(
                ["login", "--user", "abc", "--password-stdin", "--store", store, "--endpoint", url], input: "abc_password\n")
            #expect(login.status == 0, "\(login.err)")
            try await waitUntil("the daemon has synced") {
                let status = try await CWSyncBinary.run(["status", "--store", store])
                return status.out.contains("the last attempt succeeded") && status.out.contains("orderHistory:2 ")
            }
            let stopped = await daemon.terminate()
            #expect(stopped.exit == .status(0) && stopped.log.contains("abc logged in; syncing"), "\(stopped.log)")
        }
    }
}
