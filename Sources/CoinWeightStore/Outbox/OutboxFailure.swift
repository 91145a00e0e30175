public import CoinWeightAPI

/// Why an outbox entry failed or expired, for an app to act on without reading a sentence.
///
/// ``OutboxEntry/errorMessage`` says the same in words; ``OutboxEntry/errorCode`` holds the
/// server's code of a refusal.
public enum OutboxFailure: Hashable, Sendable, Codable {
    /// The server refused the write (`success:false`) with `code` and its `message`. An update
    /// or cancel refusal carries the order as it stands on the server, which the mirror shows.
    case refused(code: Int, message: String?, order: Order?)
    /// HTTP 403 for this write alone, while the session still authenticated: the server does
    /// not let this account touch what it names (another user's trading account, say).
    case forbidden
    /// The server answered an HTTP status the API does not document for the call.
    case unexpectedStatus(Int)
    /// The request could not be built (a value JSON cannot hold); nothing was sent.
    case invalidRequest(String)
    /// A create whose deadline passed: never sent when `attempted` is false, else not placed
    /// by its attempts and too late to send again.
    case expired(attempted: Bool)
    /// It names an order or strategy item, by local id, whose create failed or expired: what
    /// it would change never existed on the server.
    case createFailed(localID: String)
    /// Dropped by the user before it was delivered.
    case dropped

    /// The server's error code, for a refusal (HTTP 403 for ``forbidden``).
    public var code: Int? {
        switch self {
        case .refused(let code, _, _): code
        case .forbidden: 403
        case .unexpectedStatus(let status): status
        case .invalidRequest, .expired, .createFailed, .dropped: nil
        }
    }
}
