import Foundation

/// Why a ``CoinWeightMirror`` could not be opened.
public enum MirrorError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// No base URL was given, the store at `path` is bound to no server yet, and there was no
    /// default to fall back on.
    case noEndpoint(path: String)

    public var description: String {
        switch self {
        case .noEndpoint(let path): "\(path) is bound to no server yet: give the API's base URL to open it."
        }
    }

    public var errorDescription: String? { description }
}
