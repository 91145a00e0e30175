import CoinWeightAPI
import CoinWeightTestSupport
import Foundation
import GRDB
import Testing

@testable import CoinWeightStore

/// Commits are crash-safe (WAL, synchronous=NORMAL); a write that asks for it is synced to
/// disk (synchronous=FULL) and the connection goes back to NORMAL after it, failed or not.
@Suite("Durability")
struct DurabilityTests {
    @Test("a write syncing to disk runs with synchronous=FULL, others and the ones after it with NORMAL, even after a failed one")
    func syncingToDisk() async throws {
        try await withStore { store, _ in
            let level: @Sendable (StoreTransaction) throws -> Int = { try Int.fetchOne($0.db, sql: "PRAGMA synchronous") ?? -1 }
            let byDefault = try await store.write(level)
            let asked = try await store.write(syncingToDisk: true, level)
            let after = try await store.write(level)
            #expect(byDefault == 1 && asked == 2 && after == 1, "NORMAL, FULL when asked, NORMAL again")
            await #expect(throws: StoreError.self) {
                try await store.write(syncingToDisk: true) { _ in throw StoreError.corruptValue(table: "t", column: "c", value: "v") }
            }
            let afterFailure = try await store.write(level)
            #expect(afterFailure == 1, "back to NORMAL after a failed one")
        }
    }
}
