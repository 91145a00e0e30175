import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightStore
import CoinWeightSync
import CoinWeightTestSupport
import Foundation
import Testing

/// A store mirrors one account on one server: another endpoint or another user is refused
/// before any request, the store left byte for byte as it was.
@Suite("Store identity")
struct StoreIdentityTests {
    /// Two emulators with different data, and a store folder.
    static func withTwoServers(_ body: (RunningEmulator, RunningEmulator, URL) async throws -> Void) async throws {
        try await CoinWeightEmulator.withRunning(EmulatorConfiguration(seedOrders: 50, seedDays: 5)) { first, _ in
            try await CoinWeightEmulator.withRunning(EmulatorConfiguration(seedOrders: 80, seedDays: 5, randomSeed: 7)) { second, _ in
                try await withTemporaryDirectory { folder in try await body(first, second, folder) }
            }
        }
    }

    @Test("the first login binds the store; another endpoint or user is refused with a typed error before any request, the store unchanged")
    func libraryRefusesAnotherServerOrUser() async throws {
        try await Self.withTwoServers { first, second, folder in
            let path = folder.appendingPathComponent("cwsync.sqlite").path
            let mirror = try CoinWeightMirror(storePath: path, baseURL: first.baseURL)
            let session = try await mirror.login(Credentials(userName: "abc", password: "abc_password"))
            #expect(await mirror.syncNow().isComplete)
            let identity = try #require(try await mirror.identity)
            #expect(identity.uid == session.uid && identity.userName == "abc" && identity.isEndpoint(first.baseURL))

            let transport = ScriptedTransport()
            let eve = try CoinWeightMirror(storePath: path, baseURL: first.baseURL, transport: transport)
            let before = FolderSnapshot(folder)
            let refusal = await #expect(throws: StoreIdentityMismatch.self) { try await eve.login(Credentials(userName: "eve", password: "eve_password")) }
            #expect(refusal?.asked == .user("eve") && refusal?.bound == identity)
            #expect(transport.requestedPaths.isEmpty, "nothing was sent")
            #expect(FolderSnapshot(folder) == before)
            try eve.store.close()

            let other = #expect(throws: StoreIdentityMismatch.self) { try CoinWeightMirror(storePath: path, baseURL: second.baseURL) }
            #expect(other?.asked == .endpoint(StoreIdentity.normalizedEndpoint(second.baseURL)))
            #expect(other?.description.contains("mirrors abc (uid 2) at \(StoreIdentity.normalizedEndpoint(first.baseURL))") == true, "\(String(describing: other))")
            #expect(FolderSnapshot(folder).changes(since: before).isEmpty, "the store is byte-identical")

            let own = try CoinWeightMirror(storePath: path)
            #expect(own.endpoint == URL(string: StoreIdentity.normalizedEndpoint(first.baseURL)), "no endpoint given: the store's own")
            #expect(await own.syncNow().isComplete)
            try own.store.close()
            try mirror.store.close()
        }
    }

    @Test("a store from before identities, with a saved session, adopts that account at the endpoint it is opened with")
    func oldStoreAdoptsItsSession() async throws {
        try await Self.withTwoServers { first, second, folder in
            let path = folder.appendingPathComponent("cwsync.sqlite").path
            let client = try CoinWeightClient(baseURL: first.baseURL)
            try SessionFile(besideStore: path).save(try await client.login(Credentials(userName: "abc", password: "abc_password")))
            let mirror = try CoinWeightMirror(storePath: path, baseURL: first.baseURL)
            #expect(try await mirror.identity?.isEndpoint(first.baseURL) == true)
            #expect(try await mirror.identity?.userName == "abc")
            try mirror.store.close()
            #expect(throws: StoreIdentityMismatch.self) { try CoinWeightMirror(storePath: path, baseURL: second.baseURL) }
        }
    }

    @Test("cwsync: login --endpoint saves the endpoint; later commands use it; another --endpoint or user is one line, exit 1, the store folder byte-identical")
    func commandLine() async throws {
        try await Self.withTwoServers { first, second, folder in
            let store = folder.appendingPathComponent("state/cwsync.sqlite").path
            let login = try await CWSyncBinary.run(
                ["login", "--user", "abc", "--password-stdin", "--store", store, "--endpoint", first.baseURL.absoluteString], input: "abc_password\n")
            #expect(login.status == 0, "\(login.err)")
            let sync = try await CWSyncBinary.run(["sync", "--store", store])
            #expect(sync.status == 0 && sync.out.contains("orderHistory: synced"), "no --endpoint: the login's: \(sync.out)\(sync.err)")

            let before = FolderSnapshot(folder)
            let elsewhere = try await CWSyncBinary.run(["sync", "--store", store, "--endpoint", second.baseURL.absoluteString])
            #expect(elsewhere.status == 1 && elsewhere.out.isEmpty && elsewhere.errorLines.count == 1, "\(elsewhere.out)\(elsewhere.err)")
            #expect(elsewhere.err.contains("mirrors abc (uid 2) at \(StoreIdentity.normalizedEndpoint(first.baseURL)), not the server at")
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
        try await Self.withTwoServers { first, _, folder in
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
            #expect(FolderSnapshot(folder.appendingPathComponent("data")).changes(since: before).filter { !$0.hasSuffix("-shm") && !$0.hasSuffix("-wal") }.isEmpty)
        }
    }
}
