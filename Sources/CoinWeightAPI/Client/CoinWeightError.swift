public import Foundation

/// Everything a ``CoinWeightClient`` call can fail with.
///
/// Each case says whether retrying can help (``isTransient``) and whether the request may
/// have taken effect on the server (``mayHaveReachedServer``), which is what an outbox needs
/// to decide between resending, looking the result up, and giving up.
public enum CoinWeightError: Error, Hashable, Sendable {
    /// An authenticated endpoint was called with no token set. Log in first.
    case notLoggedIn(endpoint: String)
    /// HTTP 403: the token is missing, expired or not allowed to touch that user or owner.
    case authenticationFailed(endpoint: String)
    /// The server understood the request and refused it (`success:false` with an error code).
    case rejected(BusinessError)
    /// A failure that may pass: 5xx, 429, a timeout, a lost connection.
    case transient(endpoint: String, TransientFailure)
    /// The response could not be decoded. `excerpt` is the start of the body, tokens removed.
    case malformedResponse(endpoint: String, status: Int, reason: String, excerpt: String)
    /// An HTTP status the API does not document for this call (400, 404...).
    case unexpectedStatus(endpoint: String, status: Int, excerpt: String)
    /// The request could not be built (a body JSON cannot hold). Nothing was sent.
    case invalidRequest(reason: String)
    /// The base URL is plain `http://` to a host that is not this machine.
    case insecureEndpoint(URL)

    /// Whether the same request may succeed later without any change.
    public var isTransient: Bool {
        if case .transient(_, .transport(.secureConnectionFailed)) = self { return false }
        if case .transient = self { return true }
        return false
    }

    /// Whether the server could not be reached at all: no connection, or no answer in time.
    /// As far as the caller can tell, it is offline.
    public var isUnreachable: Bool {
        guard case .transient(_, .transport(let failure)) = self else { return false }
        switch failure {
        case .cannotConnect, .timedOut: return true
        case .connectionLost, .responseTooLarge, .cancelled, .secureConnectionFailed, .other: return false
        }
    }

    /// Whether no answer at all came back: no connection, none in time, or the connection
    /// reset before a response. Wider than ``isUnreachable``: for a signal of being offline,
    /// such as the one that keeps a MARKET order from being queued.
    public var gotNoAnswer: Bool {
        guard case .transient(_, .transport(let failure)) = self else { return false }
        switch failure {
        case .cannotConnect, .timedOut, .connectionLost: return true
        case .responseTooLarge, .cancelled, .secureConnectionFailed, .other: return false
        }
    }

    /// Whether the server may have acted on the request although no success was seen.
    public var mayHaveReachedServer: Bool {
        switch self {
        case .transient(_, let failure): failure.mayHaveReachedServer
        case .malformedResponse: true
        case .notLoggedIn, .authenticationFailed, .rejected, .unexpectedStatus, .invalidRequest, .insecureEndpoint: false
        }
    }

    /// How long the server asked to wait before retrying (`Retry-After` on a 429).
    public var retryAfter: Duration? {
        if case .transient(_, .rateLimited(let delay)) = self { return delay }
        return nil
    }
}

/// A transient failure's cause.
public enum TransientFailure: Hashable, Sendable {
    /// HTTP 5xx. The server may have acted on the request before failing.
    case serverError(status: Int)
    /// HTTP 429, with the delay of its `Retry-After` header when it had one.
    case rateLimited(retryAfter: Duration?)
    /// No complete response arrived.
    case transport(TransportError)

    /// Whether the server may have acted on the request.
    public var mayHaveReachedServer: Bool {
        switch self {
        case .serverError: true
        case .rateLimited: false
        case .transport(let error): error.mayHaveReachedServer
        }
    }
}

extension CoinWeightError: CustomStringConvertible, LocalizedError {
    /// What failed and what to do about it, in one sentence or two; never a token.
    public var description: String {
        switch self {
        case .notLoggedIn(let endpoint):
            "\(endpoint) needs a login: log in first."
        case .authenticationFailed(let endpoint):
            "\(endpoint) refused the token (HTTP 403): it has expired or does not cover that user or owner. Log in again."
        case .rejected(let error):
            error.description
        case .transient(let endpoint, .transport(.secureConnectionFailed(let reason))):
            "\(endpoint) failed: no secure connection could be set up (\(reason)). Check the endpoint URL: https:// only to a server "
                + "that speaks TLS, with a certificate this machine trusts. Trying again will not help."
        case .transient(let endpoint, let failure):
            "\(endpoint) failed for now (\(failure)); it can be retried later."
        case .malformedResponse(let endpoint, let status, let reason, let excerpt):
            "\(endpoint) answered HTTP \(status) with a body this client cannot read (\(reason)). Check that the endpoint URL points at a coin-weight API. Body starts: \(excerpt)"
        case .unexpectedStatus(let endpoint, 404, let excerpt):
            "\(endpoint) answered HTTP 404 (not found): is the endpoint the API's base URL (it ends in /exp/v2)? Body starts: \(excerpt)"
        case .unexpectedStatus(let endpoint, let status, let excerpt):
            "\(endpoint) answered HTTP \(status), which the API does not document. Check the endpoint URL. Body starts: \(excerpt)"
        case .invalidRequest(let reason):
            "the request was not sent: \(reason)."
        case .insecureEndpoint(let url):
            "refusing plain http:// to \(url.host ?? "?"): tokens would cross the network unencrypted. Use https://, or opt in to insecure HTTP explicitly."
        }
    }

    /// The ``description``, for `LocalizedError` (what a SwiftUI alert shows).
    public var errorDescription: String? { description }
}

extension TransientFailure: CustomStringConvertible {
    /// The cause in a few words: `HTTP 503`, `HTTP 429, retry after 2 seconds`, a transport error.
    public var description: String {
        switch self {
        case .serverError(let status): "HTTP \(status)"
        case .rateLimited(let delay?): "HTTP 429, retry after \(delay)"
        case .rateLimited(nil): "HTTP 429"
        case .transport(let error): error.description
        }
    }
}
