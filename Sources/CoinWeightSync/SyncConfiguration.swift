public import Foundation

/// How a ``CoinWeightMirror`` syncs and delivers: windows, deadlines, backoff, intervals,
/// and the clock (injectable, so that tests need not wait).
public struct SyncConfiguration: Sendable {
    /// How far back the first sync reads the order history.
    public var historyHorizon: Duration
    /// How much of the already-read history each later sync reads again, for orders that
    /// became visible late (servers lag, as the emulator's read lag does).
    public var historyOverlap: Duration
    /// The `createTime` span of one history request window.
    public var historyWindow: Duration
    /// How many history windows are read side by side, one request out for each.
    public var historyConcurrency: Int
    /// The `pageSize` asked of `/order/inactive`; the server may answer fewer rows.
    public var pageSize: Int
    /// How many history pages one store transaction commits, with the cursor after them.
    public var pagesPerTransaction: Int
    /// The delays between attempts of a failing request or resource.
    public var backoff: Backoff
    /// How many times a read that failed transiently is tried again within one sync.
    public var readRetries: Int
    /// How long after it is queued an order create may still be sent, unless the call sets
    /// its own.
    public var orderDeadline: Duration
    /// The same for a MARKET order, short: it fills at whatever the price is when it is sent,
    /// so it is never sent long after the user saw the price.
    public var marketOrderDeadline: Duration
    /// How long a create whose outcome is unknown is looked for on the server before it is
    /// sent again (or expired): longer than the server's read lag.
    public var createResolutionWindow: Duration
    /// The pause between two lookups of such a create.
    public var createLookupInterval: Duration
    /// How far the server's clock may be behind ours: a lost create is looked for among
    /// the orders created from its first attempt minus this.
    public var clockSkewAllowance: Duration
    /// The pause of ``CoinWeightMirror/run()`` between two syncs that succeeded.
    public var syncInterval: Duration
    /// The pause varies by up to this fraction of ``syncInterval`` either way, so that many
    /// clients do not sync in step.
    public var syncJitter: Double
    /// How often ``CoinWeightMirror/run()`` looks at what other processes did with the store
    /// and the session (a write queued, a login). A real wait, not ``sleep``.
    public var watchInterval: Duration
    /// Waits between those tries; injectable so tests need not wait.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// The time, injectable for tests.
    public var now: @Sendable () -> Date

    /// A configuration with the given values; each one not given keeps its default: a 90-day
    /// history horizon read in one-day windows of 1,000-order pages, a sync every minute
    /// (give or take 10 %), 30 seconds to send an order create (5 for a MARKET order), the
    /// real clock.
    public init(
        historyHorizon: Duration = .seconds(90 * 86_400), historyOverlap: Duration = .seconds(600),
        historyWindow: Duration = .seconds(86_400), historyConcurrency: Int = 4, pageSize: Int = 1_000, pagesPerTransaction: Int = 5,
        backoff: Backoff = Backoff(), readRetries: Int = 3, orderDeadline: Duration = .seconds(30), marketOrderDeadline: Duration = .seconds(5),
        createResolutionWindow: Duration = .seconds(10), createLookupInterval: Duration = .seconds(1),
        clockSkewAllowance: Duration = .seconds(30), syncInterval: Duration = .seconds(60), syncJitter: Double = 0.1,
        watchInterval: Duration = .seconds(1),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.historyHorizon = historyHorizon
        self.historyOverlap = historyOverlap
        self.historyWindow = historyWindow
        self.historyConcurrency = historyConcurrency
        self.pageSize = pageSize
        self.pagesPerTransaction = pagesPerTransaction
        self.backoff = backoff
        self.readRetries = readRetries
        self.orderDeadline = orderDeadline
        self.marketOrderDeadline = marketOrderDeadline
        self.createResolutionWindow = createResolutionWindow
        self.createLookupInterval = createLookupInterval
        self.clockSkewAllowance = clockSkewAllowance
        self.syncInterval = syncInterval
        self.syncJitter = syncJitter
        self.watchInterval = watchInterval
        self.sleep = sleep
        self.now = now
    }
}

extension Duration {
    /// The duration in whole milliseconds, the API's unit of time.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000 + attoseconds / 1_000_000_000_000_000
    }
}
