import CoinWeightAPI
import CoinWeightStore
import CoinWeightSync

/// Who a bearer stands for: the store's API key, or the session's own token (from a login
/// through the local API or with the command line), and nothing else.
struct Bearers: Sendable {
    let mirror: CoinWeightMirror

    /// The caller `bearer` stands for, or `nil` for no bearer or an unknown one.
    func caller(_ bearer: String?) async -> Caller? {
        guard let bearer else { return nil }
        let session = await mirror.session
        if let apiKey = LocalAPIKey.saved(besideStore: mirror.store.path), Self.same(bearer, apiKey) {
            return Caller(session: session, identityUID: try? await mirror.identity?.uid)
        }
        if let session, Self.same(bearer, session.authToken.rawValue) { return Caller(session: session, identityUID: session.uid) }
        return nil
    }

    /// Equal texts, compared in a time that does not depend on where they differ.
    private static func same(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// The account a request acts for.
struct Caller: Sendable {
    /// The logged-in session, if any: writes need one.
    var session: Session?
    /// The account the store mirrors (the session's, or the store's bound one while logged out).
    var identityUID: UserID?

    /// The account whose mirror is read.
    /// - Throws: ``LocalRefusal/nobodyLoggedIn`` for a store no account has logged in to yet.
    func uid() throws(LocalRefusal) -> UserID {
        guard let uid = session?.uid ?? identityUID else { throw .nobodyLoggedIn }
        return uid
    }
}
