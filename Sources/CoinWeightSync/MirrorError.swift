import Foundation

/// Why a ``CoinWeightMirror`` could not be opened.
public enum MirrorError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// No base URL was given, the store at `path` is bound to no server yet, and there was no
    /// default to fall back on.
    case noEndpoint(path: String)
    /// The account still has this many writes the server has not confirmed: forgetting it
    /// would lose them.
    case undeliveredWrites(Int)

    public var description: String {
        switch self {
        case .noEndpoint(let path): "\(path) is bound to no server yet: give the API's base URL to open it."
        case .undeliveredWrites(let count):
            "\(count) write\(count == 1 ? "" : "s") of this account \(count == 1 ? "is" : "are") not on the server yet; nothing was removed. Deliver them first, or discard them too."
        }
    }

    public var errorDescription: String? { description }
}
