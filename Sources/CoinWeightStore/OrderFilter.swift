import CoinWeightAPI

/// Which orders a history query returns: always one owner's, narrowed by any of the rest.
public struct OrderFilter: Hashable, Sendable {
    /// The trading account (`"2"`, `"strategy-10"`).
    public var owner: String
    public var symbol: String?
    public var counterParty: String?
    public var side: Side?
    /// The states to include; `nil` for all.
    public var executionTypes: Set<ExecutionType>?
    /// `createTime` bounds in milliseconds, inclusive.
    public var createdIn: ClosedRange<Int64>?

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
