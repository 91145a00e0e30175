/// One panel of a trading layout: which symbol of which exchange sits at a position.
public struct LayoutSlot: Codable, Hashable, Sendable {
    /// 1-based; see ``LayoutKind/positions``.
    public var position: Int
    /// The exchange of the symbol, for example `binance`.
    public var counterParty: String
    /// The symbol the panel shows, for example `ETH-BTC`.
    public var symbol: String

    /// A slot showing `symbol` of `counterParty` at `position`.
    public init(position: Int, counterParty: String, symbol: String) {
        self.position = position
        self.counterParty = counterParty
        self.symbol = symbol
    }
}

/// The two layouts the API serves.
public enum LayoutKind: String, Codable, Hashable, Sendable, CaseIterable {
    /// Three panels, positions 1-3.
    case professional
    /// Twelve panels, positions 1-12.
    case simple

    /// The positions a slot of this layout may take.
    public var positions: ClosedRange<Int> {
        switch self {
        case .professional: 1...3
        case .simple: 1...12
        }
    }
}
