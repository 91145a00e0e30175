/// Whether a strategy runs, from `/strategy/start`, `/strategy/stop` and `/strategy/status/{uid}`.
public struct StrategyStatus: Codable, Hashable, Sendable {
    public var id: String
    public var status: StrategyRunState

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

    public static let knownCases: [StrategyRunState] = [.running, .stopped]
    public static let casesByRawValue = makeCasesByRawValue()

    public var rawValue: String {
        switch self {
        case .running: "running"
        case .stopped: "stopped"
        case .unknown(let raw): raw
        }
    }
}
