public import CoinWeightAPI
public import Foundation

/// Whose mirror a store is, and of which server: bound by the first login, kept for good.
///
/// A store holds one account of one server. Rows, cursors and queued writes of another
/// account or another server would mix with this one's and be silently wrong, so anything
/// that would bring them in is refused before any request (``StoreIdentityMismatch``).
public struct StoreIdentity: Hashable, Sendable, CustomStringConvertible {
    /// The API's base URL, normalised (``normalizedEndpoint(_:)``).
    public var endpoint: String
    /// The account's user id (`2`), the one its login token carries.
    public var uid: UserID
    /// The user name the account logs in with (`abc`).
    public var userName: String
    /// When the first login bound the store.
    public var boundAt: Date

    /// A binding to `uid` and `userName` at `endpoint`, which is kept normalised
    /// (``normalizedEndpoint(_:)``).
    public init(endpoint: URL, uid: UserID, userName: String, boundAt: Date) {
        self.init(endpoint: Self.normalizedEndpoint(endpoint), uid: uid, userName: userName, boundAt: boundAt)
    }

    init(endpoint: String, uid: UserID, userName: String, boundAt: Date) {
        self.endpoint = endpoint
        self.uid = uid
        self.userName = userName
        self.boundAt = boundAt
    }

    /// The binding in words: `abc (uid 2) at https://api.coin-weight.com/exp/v2`.
    public var description: String { "\(userName) (uid \(uid)) at \(endpoint)" }

    /// Whether `url` names this store's server.
    public func isEndpoint(_ url: URL) -> Bool { Self.normalizedEndpoint(url) == endpoint }

    /// `url` as the store compares endpoints: scheme and host lower-cased, the scheme's default
    /// port dropped, no query or fragment, no trailing slash.
    public static func normalizedEndpoint(_ url: URL) -> String {
        guard var parts = URLComponents(url: url, resolvingAgainstBaseURL: true) else { return url.absoluteString }
        parts.scheme = parts.scheme?.lowercased()
        parts.host = parts.host?.lowercased()
        if (parts.scheme == "https" && parts.port == 443) || (parts.scheme == "http" && parts.port == 80) { parts.port = nil }
        parts.query = nil
        parts.fragment = nil
        while parts.path.hasSuffix("/") { parts.path.removeLast() }
        return parts.string ?? url.absoluteString
    }
}

/// A store bound to one account on one server was asked to serve another. Nothing was sent
/// and nothing changed.
public struct StoreIdentityMismatch: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// What was asked instead of the store's own.
    public enum Asked: Hashable, Sendable {
        /// Another server: its base URL, normalised.
        case endpoint(String)
        /// Another user name.
        case user(String)
        /// Another account's uid, under the same user name.
        case uid(UserID)
    }

    /// The store's file.
    public var path: String
    /// Whose mirror it is.
    public var bound: StoreIdentity
    /// What was asked instead of the store's own: another server, user name or uid.
    public var asked: Asked

    /// The refusal of `asked` by the store at `path`, which mirrors `bound`.
    public init(path: String, bound: StoreIdentity, asked: Asked) {
        self.path = path
        self.bound = bound
        self.asked = asked
    }

    /// What was asked, in words: `the server at URL`, `user NAME`, `the account with uid N`.
    public var askedDescription: String {
        switch asked {
        case .endpoint(let endpoint): "the server at \(endpoint)"
        case .user(let name): "user \(name)"
        case .uid(let uid): "the account with uid \(uid)"
        }
    }

    /// The refusal in words: the store's file, whose mirror it is, what was asked, and what
    /// to do instead.
    public var description: String {
        "\(path) mirrors \(bound), not \(askedDescription); nothing was sent. Use a store of its own for it, or forget this account's data first."
    }

    /// The same text as ``description``, for `localizedDescription`.
    public var errorDescription: String? { description }
}
