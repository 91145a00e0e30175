import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightStore
import CoinWeightSync
import CoinWeightTestSupport
import Foundation
import GRDB
import Testing

/// Sign-out on a shared device: nothing of the account stays in the store.
@Suite("Forgetting an account")
struct ForgetAccountTests {
    /// The rows of every table of the store at `path` that name `uid` or one of `owners` in a
    /// column that says whose a row is (uid, owner, scope, a sync-state key), by table.
    static func rowsNaming(uid: String, owners: [String], in path: String) throws -> [String: Int] {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            var found: [String: Int] = [:]
            let keys = [uid] + owners
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") {
                let columns = try db.columns(in: table).map(\.name)
                var count = 0
                for column in columns where ["uid", "owner", "scope"].contains(column) {
                    count +=
                        try Int.fetchOne(
                            db, sql: "SELECT count(*) FROM \"\(table)\" WHERE \(column) IN (\(databaseQuestionMarks(count: keys.count)))",
                            arguments: StatementArguments(keys)) ?? 0
                }
                if columns.contains("resource") {
                    for key in keys {
                        count += try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(table)\" WHERE resource LIKE '%:' || ?", arguments: [key]) ?? 0
                    }
                }
                if table == "local_id" { count += try Int.fetchOne(db, sql: "SELECT count(*) FROM local_id") ?? 0 }
                if count > 0 { found[table] = count }
            }
            return found
        }
    }

    @Test(
        "with a queued write it refuses, naming the count; with discardingQueued no table holds a row of the account, the shared config stays, and another user can log in"
    )
    func forgetsEverything() async throws {
        try await CoinWeightEmulator.withRunning(EmulatorConfiguration(seedOrders: 200, seedDays: 10)) { running, _ in
            try await withTemporaryDirectory { folder in
                let path = folder.appendingPathComponent("cwsync.sqlite").path
                let mirror = try CoinWeightMirror(storePath: path, baseURL: running.baseURL)
                defer { try? mirror.store.close() }
                _ = try await mirror.login(Credentials(userName: "abc", password: "abc_password"))
                #expect(await mirror.syncNow().isComplete)
                _ = try await mirror.outbox.placeOrder(
                    NewOrder(
                        orderType: .limit, symbol: "ETH-USDT", side: .bid, owner: "2", counterParty: "binance",
                        price: "2000.50", quantity: "1.2500"), uid: 2)
                let before = try Self.rowsNaming(uid: "2", owners: ["strategy-10"], in: path)
                #expect(before["order"] ?? 0 > 200 && before["favorite"] ?? 0 > 0 && before["outbox"] == 1 && before["store_identity"] == 1, "\(before)")

                await #expect(throws: MirrorError.undeliveredWrites(1)) { try await mirror.forgetAccount() }
                #expect(try Self.rowsNaming(uid: "2", owners: ["strategy-10"], in: path) == before, "nothing removed")

                try await mirror.forgetAccount(discardingQueued: true)
                #expect(try Self.rowsNaming(uid: "2", owners: ["strategy-10"], in: path).isEmpty)
                #expect(await mirror.session == nil && !FileManager.default.fileExists(atPath: SessionFile(besideStore: path).path))
                #expect(try await !mirror.store.read(.symbols).isEmpty, "the shared symbols config stays")
                let eve = try await mirror.login(Credentials(userName: "eve", password: "eve_password"))
                #expect(try await mirror.identity?.uid == eve.uid, "the store is free for the next user")
            }
        }
    }

    @Test(
        "cwsync logout --forget: refused with a queued write (one line, exit 1), then --discard-queued removes the account; --discard-queued alone is a usage error"
    )
    func commandLine() async throws {
        try await CoinWeightEmulator.withRunning(EmulatorConfiguration(seedOrders: 50, seedDays: 5)) { running, _ in
            try await withTemporaryDirectory { folder in
                let store = folder.appendingPathComponent("cwsync.sqlite").path
                let login = try await CWSyncBinary.run(
                    ["login", "--user", "abc", "--password-stdin", "--store", store, "--endpoint", running.baseURL.absoluteString], input: "abc_password\n")
                #expect(login.status == 0, "\(login.err)")
                #expect(try await CWSyncBinary.run(["sync", "--store", store]).status == 0)
                #expect(try await CWSyncBinary.run(["favorite", "add", "okcoin", "ETH-USDT", "--store", store]).status == 0)

                let alone = try await CWSyncBinary.run(["logout", "--discard-queued", "--store", store])
                #expect(alone.status == 64 && alone.err.contains("--discard-queued goes with --forget"), "\(alone.err)")
                let refused = try await CWSyncBinary.run(["logout", "--forget", "--store", store])
                #expect(refused.status == 1 && refused.errorLines.count == 1 && refused.err.contains("1 queued write not on the server yet"), "\(refused.err)")
                #expect(SessionFile(besideStore: store).load() != nil, "still logged in")
                let forgot = try await CWSyncBinary.run(["logout", "--forget", "--discard-queued", "--store", store])
                #expect(forgot.status == 0 && forgot.out.contains("everything of abc (uid 2) removed"), "\(forgot.out)\(forgot.err)")
                #expect(try Self.rowsNaming(uid: "2", owners: ["strategy-10"], in: store).isEmpty)
            }
        }
    }
}
