import BenchmarkSupport
import CoinWeightAPI
import CoinWeightStore

/// The store's bulk upsert of every order at one transaction size.
struct UpsertMeasurement {
    /// Orders per `store.write`.
    var size: TransactionSize
    /// How many `store.write` calls it took.
    var transactions: Int
    /// The wall time of all of them.
    var elapsed: Duration
    /// Orders written per second.
    var rowsPerSecond: Double

    /// Upserts `orders` into the empty `store`, `size` orders per `store.write`, and times the
    /// whole loop (WAL checkpoints included, opening the store not).
    /// - Throws: ``BenchmarkError/rowCount(_:expected:found:)`` when not every order was inserted.
    static func run(_ orders: [Order], into store: CoinWeightStore, size: TransactionSize) async throws -> UpsertMeasurement {
        let perTransaction = size.rows(of: orders.count)
        let clock = ContinuousClock()
        let start = clock.now
        var transactions = 0
        var inserted = 0
        for first in stride(from: 0, to: orders.count, by: perTransaction) {
            let slice = orders[first..<min(first + perTransaction, orders.count)]
            inserted += try await store.write { try $0.upsertOrders(slice) }
            transactions += 1
        }
        let elapsed = start.duration(to: clock.now)
        guard inserted == orders.count else { throw BenchmarkError.rowCount(store.path, expected: orders.count, found: inserted) }
        return UpsertMeasurement(size: size, transactions: transactions, elapsed: elapsed, rowsPerSecond: Double(orders.count) / elapsed.seconds)
    }
}
