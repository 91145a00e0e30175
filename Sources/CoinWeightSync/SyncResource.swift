/// One thing the engine pulls, in the order it pulls them: later resources use earlier ones
/// (the owners whose orders and keys are read come from the strategies).
public enum SyncResource: String, CaseIterable, Hashable, Sendable, Comparable {
    case symbols
    case markets
    case favorites
    case layouts
    case strategyTemplates
    case strategies
    case secrets
    case userInfo
    case positions
    case activeOrders
    case orderHistory

    /// Whether `lhs` is pulled before `rhs`, in the order of `allCases`.
    public static func < (lhs: SyncResource, rhs: SyncResource) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
