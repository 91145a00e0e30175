/// How an order is priced: resting at a limit, or filled at the market.
public enum OrderType: OpenEnum {
    case limit
    case market
    case unknown(String)

    /// `LIMIT` and `MARKET`.
    public static let knownCases: [OrderType] = [.limit, .market]
    /// ``knownCases`` by their wire text.
    public static let casesByRawValue = makeCasesByRawValue()

    /// The wire text (`LIMIT`, `MARKET`), or an unknown value as received.
    public var rawValue: String {
        switch self {
        case .limit: "LIMIT"
        case .market: "MARKET"
        case .unknown(let raw): raw
        }
    }
}
