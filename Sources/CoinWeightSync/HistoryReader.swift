import CoinWeightAPI

/// Steps a ``HistoryCursor`` walk through its windows and pages, and counts the progress.
struct HistoryReader {
    let owner: String
    private(set) var cursor: HistoryCursor
    let configuration: SyncConfiguration
    private var pages = 0
    private var orders = 0
    /// `totalPage` of the window being read, once its first page is in.
    private var windowPages: Int?
    /// `totalPage` of the last window read: the guess for the next one's.
    private var previousWindowPages = 1

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

    /// The request most likely to follow ``nextQuery()``, for reading one page ahead: the
    /// next page of the window if its `totalPage` (or, before its first page is in, the last
    /// window's) says there is one, else the first page of the next window.
    func likelyQueryAfterNext() -> InactiveOrderQuery? {
        var ahead = self
        ahead.step(isEmpty: false, totalPage: windowPages ?? previousWindowPages)
        return ahead.nextQuery()
    }

    /// Moves past `page`: to the next page of the window, the next window, or the end.
    mutating func advance(after page: InactiveOrderPage) {
        guard cursor.walk != nil else { return }
        pages += 1
        orders += page.content.count
        step(isEmpty: page.content.isEmpty, totalPage: page.totalPage)
    }

    private mutating func step(isEmpty: Bool, totalPage: Int) {
        guard var walk = cursor.walk else { return }
        let bottom = windowBottom(walk)
        if !isEmpty && walk.page + 1 < totalPage {
            walk.page += 1
            cursor.walk = walk
            windowPages = totalPage
            return
        }
        previousWindowPages = max(1, totalPage)
        windowPages = nil
        if bottom <= walk.bottom {
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
