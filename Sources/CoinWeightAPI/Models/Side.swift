/// The side of an order: `BID` buys, `ASK` sells.
public enum Side: OpenEnum {
    case bid
    case ask
    case unknown(String)

    /// `BID` and `ASK`.
    public static let knownCases: [Side] = [.bid, .ask]
    /// ``knownCases`` by their wire text.
    public static let casesByRawValue = makeCasesByRawValue()

    /// The wire text (`BID`, `ASK`), or an unknown value as received.
    public var rawValue: String {
        switch self {
        case .bid: "BID"
        case .ask: "ASK"
        case .unknown(let raw): raw
        }
    }
}
