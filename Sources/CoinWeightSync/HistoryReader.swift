import CoinWeightAPI

/// Steps a ``HistoryCursor`` walk through its windows and pages, and counts the progress.
struct HistoryReader {
    let owner: String
    private(set) var cursor: HistoryCursor
    let configuration: SyncConfiguration
    private var pages = 0
    private var orders = 0

    init(owner: String, cursor: HistoryCursor, configuration: SyncConfiguration) {
        self.owner = owner
        self.cursor = cursor
        self.configuration = configuration
    }

    /// Whether the walk is complete.
    var isDone: Bool { cursor.walk == nil }

    /// The request for the next page, or `nil` when the walk is complete.
    func nextQuery() -> InactiveOrderQuery? {
        guard let walk = cursor.walk else { return nil }
        return InactiveOrderQuery(owner: owner, startTime: windowBottom(walk), endTime: walk.windowTop, pageIndex: walk.page, pageSize: configuration.pageSize)
    }

    /// Moves past `page`: to the next page of the window, the next window, or the end.
    mutating func advance(after page: InactiveOrderPage) {
        guard var walk = cursor.walk else { return }
        pages += 1
        orders += page.content.count
        let bottom = windowBottom(walk)
        if !page.content.isEmpty && walk.page + 1 < page.totalPage {
            walk.page += 1
            cursor.walk = walk
        } else if bottom <= walk.bottom {
            cursor.highWater = walk.top
            cursor.walk = nil
        } else {
            walk.windowTop = bottom - 1
            walk.page = 0
            cursor.walk = walk
        }
    }

    /// How far the walk has come.
    var progress: SyncProgress {
        guard let walk = cursor.walk, walk.top > walk.bottom else {
            return SyncProgress(owner: owner, pages: pages, orders: orders, remainingFraction: 0, estimatedRemainingOrders: 0)
        }
        let remaining = Double(walk.windowTop - walk.bottom) / Double(walk.top - walk.bottom)
        let done = 1 - remaining
        let estimate = done > 0 && walk.windowTop < walk.top ? Int(Double(orders) / done * remaining) : nil
        return SyncProgress(owner: owner, pages: pages, orders: orders, remainingFraction: remaining, estimatedRemainingOrders: estimate)
    }

    private func windowBottom(_ walk: HistoryCursor.Walk) -> Int64 {
        max(walk.bottom, walk.windowTop - configuration.historyWindow.milliseconds + 1)
    }
}
