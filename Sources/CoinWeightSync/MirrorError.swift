public import Foundation

/// Why a ``CoinWeightMirror`` could not be opened, or could not do what it was asked.
public enum MirrorError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// No base URL was given, the store at `path` is bound to no server yet, and there was no
    /// default to fall back on.
    case noEndpoint(path: String)
    /// The account still has this many writes the server has not confirmed: forgetting it
    /// would lose them.
    case undeliveredWrites(Int)
    /// A write needs a logged-in user, and nobody is logged in.
    case notLoggedIn

    /// The error in words: what was refused, and what to do about it.
    public var description: String {
        switch self {
        case .noEndpoint(let path): "\(path) is bound to no server yet: give the API's base URL to open it."
        case .undeliveredWrites(let count):
            "\(count) write\(count == 1 ? "" : "s") of this account \(count == 1 ? "is" : "are") not on the server yet; nothing was removed. Deliver them first, or discard them too."
        case .notLoggedIn: "nobody is logged in: log in first; nothing was queued."
        }
    }

    /// The description, for `LocalizedError`.
    public var errorDescription: String? { description }
}
