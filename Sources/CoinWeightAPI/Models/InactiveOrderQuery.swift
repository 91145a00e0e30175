/// The query of `/order/inactive`: one page of an owner's finished orders whose `createTime`
/// lies in `[startTime, endTime]`, newest first.
///
/// Unset times take the server's defaults (the last 24 hours). A server may serve fewer rows
/// than ``pageSize`` asks: page by ``InactiveOrderPage/totalPage`` and the rows returned.
public struct InactiveOrderQuery: Hashable, Sendable {
    /// The trading account whose orders to list (`"2"`, `"strategy-10"`).
    public var owner: String
    /// Milliseconds since the epoch, inclusive.
    public var startTime: Int64?
    /// Milliseconds since the epoch, inclusive.
    public var endTime: Int64?
    /// The page to read, counted from 0; unset, the server serves page 0.
    public var pageIndex: Int?
    /// Orders per page; unset, the server applies 10. It may apply fewer than asked.
    public var pageSize: Int?

    /// A query of `owner`'s finished orders. Values left `nil` are left out of the query,
    /// so the server's defaults apply.
    public init(owner: String, startTime: Int64? = nil, endTime: Int64? = nil, pageIndex: Int? = nil, pageSize: Int? = nil) {
        self.owner = owner
        self.startTime = startTime
        self.endTime = endTime
        self.pageIndex = pageIndex
        self.pageSize = pageSize
    }

    /// The query items in the order the spec lists them, unset ones left out.
    var queryItems: [(String, String)] {
        var items = [("owner", owner)]
        if let startTime { items.append(("startTime", String(startTime))) }
        if let endTime { items.append(("endTime", String(endTime))) }
        if let pageIndex { items.append(("pageIndex", String(pageIndex))) }
        if let pageSize { items.append(("pageSize", String(pageSize))) }
        return items
    }
}

/// One page of `/order/inactive`.
public struct InactiveOrderPage: Codable, Hashable, Sendable {
    /// How many pages the whole window has at the page size the server applied.
    public var totalPage: Int
    /// The page's orders, newest `createTime` first.
    public var content: [Order]

    /// Creates a page with the given fields.
    public init(totalPage: Int, content: [Order]) {
        self.totalPage = totalPage
        self.content = content
    }
}
