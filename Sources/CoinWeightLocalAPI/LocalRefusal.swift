/// Why the local API refuses a request that the real API might have taken.
enum LocalRefusal: Error, Equatable {
    /// Nobody has logged in to the store: no account to read or write for.
    case nobodyLoggedIn
    /// What needs the server (a login, an API key's creation) while it cannot be reached.
    case needsServer(String)
    /// The mirror holds nothing of this resource yet: it has never been synced.
    case notSynced(String)
    /// A resource the mirror does not hold, named by the request (an order, a strategy).
    case unknown(String)

    /// The HTTP status and the envelope's code and message of the refusal.
    var answer: (status: Int, code: Int, message: String) {
        switch self {
        case .nobodyLoggedIn:
            (403, 403, "nobody is logged in to this store: log in through POST /exp/v2/user/login, then use its token or the store's API key")
        case .needsServer(let what): (503, 503, "\(what) needs the coin-weight server, which cannot be reached now: try again once it is")
        case .notSynced(let what): (503, 503, "the mirror holds no \(what) yet: it has not been synced; try again after the first sync")
        case .unknown(let what): (200, 4, "Parameters error: \(what)")
        }
    }
}
