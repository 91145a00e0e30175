/// The side of an order: `BID` buys, `ASK` sells.
public enum Side: OpenEnum {
    case bid
    case ask
    case unknown(String)

    public static let knownCases: [Side] = [.bid, .ask]
    public static let casesByRawValue = makeCasesByRawValue()

    public var rawValue: String {
        switch self {
        case .bid: "BID"
        case .ask: "ASK"
        case .unknown(let raw): raw
        }
    }
}
