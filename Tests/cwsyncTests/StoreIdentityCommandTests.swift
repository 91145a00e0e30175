import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightStore
import CoinWeightTestSupport
import Foundation
import Testing

/// `cwsync` keeps a store to the account and server it mirrors: another endpoint or user is one
/// line and exit 1, the store folder byte-identical; the quickstart keeps a store of its own.
@Suite("Store identity on the command line")
struct StoreIdentityCommandTests {
    @Test("login --endpoint saves the endpoint; later commands use it; another --endpoint or user is one line, exit 1, the store folder byte-identical")
    func commandLine() async throws {
        try await withTwoEmulators { first, second, folder in
            let store = folder.appendingPathComponent("state/cwsync.sqlite").path
            let login = try await CWSyncBinary.run(
                ["login", "--user", "abc", "--password-stdin", "--store", store, "--endpoint", first.baseURL.absoluteString], input: "abc_password\n")
            #expect(login.status == 0, "\(login.err)")
            let sync = try await CWSyncBinary.run(["sync", "--store", store])
            #expect(sync.status == 0 && sync.out.contains("orderHistory: synced"), "no --endpoint: the login's: \(sync.out)\(sync.err)")

            let before = FolderSnapshot(folder)
            let elsewhere = try await CWSyncBinary.run(["sync", "--store", store, "--endpoint", second.baseURL.absoluteString])
            #expect(elsewhere.status == 1 && elsewhere.out.isEmpty && elsewhere.errorLines.count == 1, "\(elsewhere.out)\(elsewhere.err)")
            #expect(
                elsewhere.err.contains("mirrors abc (uid 2) at \(StoreIdentity.normalizedEndpoint(first.baseURL)), not the server at")
                    && elsewhere.err.contains("--store"), "\(elsewhere.err)")
            let eve = try await CWSyncBinary.run(["login", "--user", "eve", "--password-stdin", "--store", store], input: "eve_password\n")
            #expect(eve.status == 1 && eve.err.contains("not user eve") && eve.errorLines.count == 1, "\(eve.err)")
            // The refusals read the store through a read-only connection, which may leave an
            // empty WAL and a wal-index (-shm) where the last writer had removed them.
            let after = FolderSnapshot(folder)
            let changed = after.changes(since: before).filter { !$0.hasSuffix("-shm") && !($0.hasSuffix("-wal") && after.entries[$0] == .some(Data())) }
            #expect(changed.isEmpty, "the database and session byte-identical: \(changed)")
        }
    }

    @Test("quickstart syncs into a store of its own, anew each run; it refuses a --store that mirrors an account")
    func quickstartKeepsItsOwnStore() async throws {
        try await withTwoEmulators { first, _, folder in
            let defaultStore = folder.appendingPathComponent("data/cwsync.sqlite").path
            let environment = ["CWSYNC_STORE": defaultStore]
            for run in 1...2 {
                let quickstart = try await CWSyncBinary.run(["quickstart", "--seed-orders", "20"], of: .emulator, environment: environment)
                #expect(quickstart.status == 0, "run \(run): \(quickstart.out)\(quickstart.err)")
                #expect(quickstart.out.contains("cwsync orders --store \(folder.path)/data/quickstart/cwsync.sqlite"), "\(quickstart.out)")
            }
            #expect(!FileManager.default.fileExists(atPath: defaultStore), "the default store is not touched")

            let login = try await CWSyncBinary.run(
                ["login", "--user", "abc", "--password-stdin", "--store", defaultStore, "--endpoint", first.baseURL.absoluteString], input: "abc_password\n")
            #expect(login.status == 0, "\(login.err)")
            let before = FolderSnapshot(folder.appendingPathComponent("data"))
            let refused = try await CWSyncBinary.run(["quickstart", "--store", defaultStore], of: .emulator, environment: environment)
            #expect(refused.status == 64 && refused.err.contains("mirrors an account already"), "\(refused.err)")
            #expect(
                FolderSnapshot(folder.appendingPathComponent("data")).changes(since: before).filter { !$0.hasSuffix("-shm") && !$0.hasSuffix("-wal") }.isEmpty)
        }
    }
}
