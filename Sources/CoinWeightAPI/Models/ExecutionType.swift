/// The state of an order on the exchange.
public enum ExecutionType: OpenEnum {
    case rejected
    case acknowledged
    case partiallyFilled
    case filled
    case canceling
    case canceled
    case partiallyCanceled
    case unknown(String)

    /// Every state the spec lists, in its order.
    public static let knownCases: [ExecutionType] = [
        .rejected, .acknowledged, .partiallyFilled, .filled, .canceling, .canceled, .partiallyCanceled,
    ]
    /// ``knownCases`` by their wire text.
    public static let casesByRawValue = makeCasesByRawValue()

    /// The wire text (`EXECUTION_ACK`, `EXECUTION_FILLED`...), or an unknown value as received.
    public var rawValue: String {
        switch self {
        case .rejected: "EXECUTION_REJECTED"
        case .acknowledged: "EXECUTION_ACK"
        case .partiallyFilled: "EXECUTION_PARTIAL_FILLED"
        case .filled: "EXECUTION_FILLED"
        case .canceling: "EXECUTION_CANCELING"
        case .canceled: "EXECUTION_CANCELED"
        case .partiallyCanceled: "EXECUTION_PARTIAL_CANCELED"
        case .unknown(let raw): raw
        }
    }

    /// States `/order/active` serves: acknowledged, partially filled, canceling.
    public static let activeStates: Set<ExecutionType> = [.acknowledged, .partiallyFilled, .canceling]
    /// States `/order/inactive` serves: filled, canceled, partially canceled.
    public static let inactiveStates: Set<ExecutionType> = [.filled, .canceled, .partiallyCanceled]

    /// Whether the order can still change on the book.
    public var isActive: Bool { Self.activeStates.contains(self) }
}
