public import CoinWeightAPI

/// Whose copy of a resource: the defaults every user gets, or one user's own.
public enum ResourceScope: Hashable, Sendable {
    /// `/config/.../default`.
    case defaults
    /// `/config/.../custom/{uid}`.
    case user(UserID)

    /// The `scope` column's value.
    var key: String {
        switch self {
        case .defaults: "default"
        case .user(let uid): uid.rawValue
        }
    }
}
