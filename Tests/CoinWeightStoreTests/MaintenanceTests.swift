import CoinWeightAPI
import CoinWeightTestSupport
import Foundation
import GRDB
import GRDBSQLite
import Testing

@testable import CoinWeightStore

/// What `cwsync store check` and `cwsync store compact` rely on, and where the store lives.
@Suite("Maintenance and location")
struct MaintenanceTests {
    @Test("a sound store checks clean; compacting after deleting most orders shrinks the file and keeps the rest")
    func checkAndCompact() async throws {
        try await withStore { store, _ in
            #expect(try await store.checkIntegrity().isEmpty)
            let orders = SampleOrders.make(count: 20_000)
            try await store.write { try $0.upsertOrders(orders) }
            try await store.write { try $0.deleteOrders(ids: orders.dropFirst(100).map(\.streetOrderId)) }
            let (before, after) = try await store.compact()
            #expect(after < before / 4, "before \(before), after \(after)")
            #expect(try await store.checkIntegrity().isEmpty)
            #expect(try await store.read(.order(id: orders[0].streetOrderId)) == orders[0])
        }
    }

    @Test("releaseMemory empties the writer's page cache, waiting for no reader (an observation runs); reads, writes and the observation go on")
    func releaseMemory() async throws {
        try await withStore { store, _ in
            let orders = SampleOrders.make(count: 5_000)
            try await store.write { try $0.upsertOrders(orders) }
            let observed = store.observe(.allOrders(OrderFilter(owner: orders[0].owner)).withPending())
            var values = observed.makeAsyncIterator()
            let first = try #require(try await values.next())
            #expect(try await store.read(.allOrders(OrderFilter(owner: orders[0].owner))).count == first.count)
            func writerCache() throws -> Int32 {
                try store.pool.writeWithoutTransaction { db in
                    var used: Int32 = 0
                    var highwater: Int32 = 0
                    sqlite3_db_status(db.sqliteConnection, SQLITE_DBSTATUS_CACHE_USED, &used, &highwater, 0)
                    return used
                }
            }
            let before = try writerCache()
            #expect(before > 1_000_000, "the writer's page cache: \(before) bytes")
            await store.releaseMemory()
            let after = try writerCache()
            #expect(after < before / 4, "the writer's page cache: \(before) bytes before, \(after) after")

            var more = SampleOrders.make(count: 1, firstID: 9_000_000)[0]
            more.owner = orders[0].owner
            try await store.write { [more] in try $0.upsertOrders([more]) }
            #expect(try await store.read(.order(id: more.streetOrderId)) == more)
            let next = try #require(try await values.next(), "the observation still runs")
            #expect(next.count == first.count + 1)
        }
    }

    @Test("the default store is in the application-support folder, from $HOME or $XDG_DATA_HOME, never a checkout's sync-state/")
    func defaultPath() async throws {
        // Run from inside this checkout, as the tests are: the library never picks its sync-state/.
        #expect(!StoreLocation.defaultPath().contains("sync-state"))
        #if os(Linux)
            let home = StoreLocation.defaultPath(environment: ["HOME": "/home/trader"])
            #expect(home == "/home/trader/.local/share/cwsync/cwsync.sqlite")
            let data = StoreLocation.defaultPath(environment: ["HOME": "/home/trader", "XDG_DATA_HOME": "/data"])
            #expect(data == "/data/cwsync/cwsync.sqlite")
            let relative = StoreLocation.defaultPath(environment: ["HOME": "/home/trader", "XDG_DATA_HOME": "data"])
            #expect(relative == home, "XDG_DATA_HOME must be absolute to count")
        #endif
    }
}
