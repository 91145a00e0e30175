public import CoinWeightAPI

/// Which orders a history query returns: always one owner's, narrowed by any of the rest.
public struct OrderFilter: Hashable, Sendable {
    /// The trading account (`"2"`, `"strategy-10"`).
    public var owner: String
    /// The traded symbol (`BTC-USDT`); `nil` for every symbol.
    public var symbol: String?
    /// The exchange the orders are on (`binance`); `nil` for every exchange.
    public var counterParty: String?
    /// `BID` (buy) or `ASK` (sell); `nil` for both.
    public var side: Side?
    /// The states to include; `nil` for all.
    public var executionTypes: Set<ExecutionType>?
    /// `createTime` bounds in milliseconds, inclusive.
    public var createdIn: ClosedRange<Int64>?

    /// A filter on `owner`'s orders, narrowed by each of the other conditions given.
    public init(
        owner: String, symbol: String? = nil, counterParty: String? = nil, side: Side? = nil,
        executionTypes: Set<ExecutionType>? = nil, createdIn: ClosedRange<Int64>? = nil
    ) {
        self.owner = owner
        self.symbol = symbol
        self.counterParty = counterParty
        self.side = side
        self.executionTypes = executionTypes
        self.createdIn = createdIn
    }
}
