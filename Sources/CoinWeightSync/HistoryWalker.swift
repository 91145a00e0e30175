import CoinWeightAPI

/// Steps a ``HistoryCursor`` walk through its windows, several at a time: which page of which
/// window to ask for next, what an answered page changes, and how far the walk has come.
///
/// Each window is read page by page, one request at a time; up to `concurrency` windows are
/// read side by side. The cursor always says what the recorded pages cover, whatever is
/// still in flight, so saving it with exactly the rows recorded since the last save resumes
/// without a gap.
struct HistoryWalker {
    let owner: String
    private(set) var cursor: HistoryCursor
    let configuration: SyncConfiguration
    /// The windows with a request out, by upper edge.
    private var inFlight: Set<Int64> = []
    private var pages = 0
    private var orders = 0

    init(owner: String, cursor: HistoryCursor, configuration: SyncConfiguration) {
        self.owner = owner
        self.configuration = configuration
        var cursor = cursor
        if var walk = cursor.walk, walk.open == nil {
            // Saved before windows were read side by side: `windowTop` is the window being
            // read, at `page`.
            walk.open = walk.page > 0 ? [HistoryCursor.OpenWindow(top: walk.windowTop, page: walk.page)] : []
            if walk.page > 0 { walk.windowTop = Self.bottom(of: walk.windowTop, in: walk, configuration) - 1 }
            walk.page = 0
            cursor.walk = walk
        }
        self.cursor = cursor
    }

    /// Whether the walk is complete.
    var isDone: Bool { cursor.walk == nil }

    /// The requests to send now: the next page of each open window with none out, then the
    /// first page of new windows while fewer than `concurrency` are open. Each is marked out.
    mutating func nextQueries() -> [(window: Int64, query: InactiveOrderQuery)] {
        guard var walk = cursor.walk else { return [] }
        var open = walk.open ?? []
        while open.count < max(1, configuration.historyConcurrency) && walk.windowTop >= walk.bottom {
            open.append(HistoryCursor.OpenWindow(top: walk.windowTop, page: 0))
            walk.windowTop = Self.bottom(of: walk.windowTop, in: walk, configuration) - 1
        }
        walk.open = open
        guard !open.isEmpty else {
            // Nothing left to read: an empty span, or every window done.
            cursor.highWater = walk.top
            cursor.walk = nil
            return []
        }
        cursor.walk = walk
        var queries: [(Int64, InactiveOrderQuery)] = []
        for window in open where !inFlight.contains(window.top) {
            inFlight.insert(window.top)
            let query = InactiveOrderQuery(
                owner: owner, startTime: Self.bottom(of: window.top, in: walk, configuration), endTime: window.top,
                pageIndex: window.page, pageSize: configuration.pageSize)
            queries.append((window.top, query))
        }
        return queries
    }

    /// Takes in the answer to the request for `window`: its next page, or the window done
    /// (an empty page, or the last one its `totalPage` counts); the walk ends with the last
    /// window.
    mutating func record(_ page: InactiveOrderPage, window: Int64) {
        inFlight.remove(window)
        guard var walk = cursor.walk, var open = walk.open, let index = open.firstIndex(where: { $0.top == window }) else { return }
        pages += 1
        orders += page.content.count
        if !page.content.isEmpty && open[index].page + 1 < page.totalPage {
            open[index].page += 1
        } else {
            open.remove(at: index)
        }
        walk.open = open
        if open.isEmpty && walk.windowTop < walk.bottom {
            cursor.highWater = walk.top
            cursor.walk = nil
        } else {
            cursor.walk = walk
        }
    }

    /// How far the walk has come: an open window counts half read.
    var progress: SyncProgress {
        guard let walk = cursor.walk, walk.top > walk.bottom else {
            return SyncProgress(owner: owner, pages: pages, orders: orders, remainingFraction: 0, estimatedRemainingOrders: 0)
        }
        let unstarted = Double(max(0, walk.windowTop - walk.bottom + 1))
        let halfOpen = (walk.open ?? []).reduce(0.0) { sum, window in
            sum + Double(window.top - Self.bottom(of: window.top, in: walk, configuration) + 1) / 2
        }
        let remaining = min(1, (unstarted + halfOpen) / Double(walk.top - walk.bottom + 1))
        let done = 1 - remaining
        let estimate = done > 0 && pages > 0 ? Int(Double(orders) / done * remaining) : nil
        return SyncProgress(owner: owner, pages: pages, orders: orders, remainingFraction: remaining, estimatedRemainingOrders: estimate)
    }

    /// The lower edge of the window whose upper edge is `top`.
    private static func bottom(of top: Int64, in walk: HistoryCursor.Walk, _ configuration: SyncConfiguration) -> Int64 {
        max(walk.bottom, top - configuration.historyWindow.milliseconds + 1)
    }
}
