import CoinWeightAPI
import CoinWeightStore
import CoinWeightTestSupport

/// The latency of history pages of 50 orders filtered by owner, symbol and a time range.
struct QueryLatency {
    /// The rows per page.
    static let pageSize = 50

    /// How many pages were timed.
    var queries: Int
    /// Nearest-rank percentiles of the timed calls, and the slowest.
    var p50: Duration
    var p90: Duration
    var p99: Duration
    var max: Duration
    /// Orders per page, on average, of the first pages and of the second pages: not empty pages.
    var meanRowsFirstPage: Double
    var meanRowsSecondPage: Double

    /// Times `queries` calls of `store.read(.orders(...))`, each alone, with `ContinuousClock`.
    ///
    /// Each draws an owner and a symbol of ``SampleOrders`` and a window of 1 to 30 days
    /// inside `span` (all of `span` when shorter). Even-numbered queries read the first page;
    /// odd-numbered ones first read a first page untimed, then time the page after it (the
    /// cursor after its last order, which is the page's `next` when there is one).
    static func measure(_ store: CoinWeightStore, span: ClosedRange<Int64>, queries: Int, seed: UInt64) async throws -> QueryLatency {
        var random = SeededGenerator(seed: seed)
        let clock = ContinuousClock()
        var durations: [Duration] = []
        durations.reserveCapacity(queries)
        var rows = (first: 0, second: 0)
        for index in 0..<queries {
            let filter = OrderFilter(
                owner: SampleOrders.owners[Int.random(in: 0..<SampleOrders.owners.count, using: &random)],
                symbol: SampleOrders.symbols[Int.random(in: 0..<SampleOrders.symbols.count, using: &random)].1,
                createdIn: window(in: span, using: &random))
            let isSecondPage = index % 2 == 1
            let cursor = isSecondPage ? try await store.read(.orders(filter, limit: pageSize)).orders.last.map(OrderCursor.init(after:)) : nil
            let start = clock.now
            let page = try await store.read(.orders(filter, after: cursor, limit: pageSize))
            durations.append(start.duration(to: clock.now))
            if isSecondPage { rows.second += page.orders.count } else { rows.first += page.orders.count }
        }
        durations.sort()
        func percentile(_ fraction: Double) -> Duration {
            durations[Swift.max(Int((fraction * Double(durations.count)).rounded(.up)) - 1, 0)]
        }
        let secondPages = queries / 2
        return QueryLatency(
            queries: queries, p50: percentile(0.50), p90: percentile(0.90), p99: percentile(0.99), max: durations[durations.count - 1],
            meanRowsFirstPage: Double(rows.first) / Double(queries - secondPages),
            meanRowsSecondPage: secondPages == 0 ? 0 : Double(rows.second) / Double(secondPages))
    }

    /// A random window of 1 to 30 whole days inside `span`, or `span` when it is shorter.
    private static func window(in span: ClosedRange<Int64>, using random: inout SeededGenerator) -> ClosedRange<Int64> {
        let length = Swift.min(Int64.random(in: 1...30, using: &random) * 86_400_000, span.upperBound - span.lowerBound)
        let start = Int64.random(in: span.lowerBound...(span.upperBound - length), using: &random)
        return start...(start + length)
    }
}
