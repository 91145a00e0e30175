/// Whether a strategy runs, from `/strategy/start`, `/strategy/stop` and `/strategy/status/{uid}`.
public struct StrategyStatus: Codable, Hashable, Sendable {
    /// The strategy's id, for example `"1"`.
    public var id: String
    /// `running` or `stopped`, or a state this client does not know.
    public var status: StrategyRunState

    /// Creates a status with the given fields.
    public init(id: String, status: StrategyRunState) {
        self.id = id
        self.status = status
    }
}

/// The run state of a strategy.
public enum StrategyRunState: OpenEnum {
    case running
    case stopped
    case unknown(String)

    /// `running` and `stopped`.
    public static let knownCases: [StrategyRunState] = [.running, .stopped]
    /// ``knownCases`` by their wire text.
    public static let casesByRawValue = makeCasesByRawValue()

    /// The wire text (`running`, `stopped`), or an unknown value as received.
    public var rawValue: String {
        switch self {
        case .running: "running"
        case .stopped: "stopped"
        case .unknown(let raw): raw
        }
    }
}
