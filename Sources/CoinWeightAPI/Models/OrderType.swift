/// How an order is priced: resting at a limit, or filled at the market.
public enum OrderType: OpenEnum {
    case limit
    case market
    case unknown(String)

    public static let knownCases: [OrderType] = [.limit, .market]
    public static let casesByRawValue = makeCasesByRawValue()

    public var rawValue: String {
        switch self {
        case .limit: "LIMIT"
        case .market: "MARKET"
        case .unknown(let raw): raw
        }
    }
}
