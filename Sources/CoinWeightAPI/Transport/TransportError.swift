/// Why no complete response arrived.
public enum TransportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No answer within the timeout. The request may have reached the server.
    case timedOut
    /// The connection broke after the request was (at least partly) sent. It may have reached the server.
    case connectionLost
    /// No connection could be made (refused, unreachable, DNS). The request never reached the server.
    case cannotConnect(String)
    /// The response body exceeded the transport's limit; it was not read whole.
    case responseTooLarge(limit: Int)
    /// The caller's task was cancelled while the request was out. It may have reached the server.
    case cancelled
    /// No secure connection could be set up: a failed TLS handshake (`https://` to a server
    /// that does not speak TLS) or a certificate not trusted. No request was sent, and trying
    /// again will not help: the endpoint or the trust settings are wrong.
    case secureConnectionFailed(String)
    /// Anything else the platform reported.
    case other(String)

    /// Whether the server may have received, and acted on, the request.
    /// Only a failure to connect proves it did not.
    public var mayHaveReachedServer: Bool {
        switch self {
        case .cannotConnect, .secureConnectionFailed: false
        case .timedOut, .connectionLost, .responseTooLarge, .cancelled, .other: true
        }
    }

    /// A short phrase saying what failed, for example `the request timed out`.
    public var description: String {
        switch self {
        case .timedOut: "the request timed out"
        case .connectionLost: "the connection was lost before the response arrived"
        case .cannotConnect(let reason): "could not connect (\(reason))"
        case .responseTooLarge(let limit): "the response was larger than \(limit) bytes"
        case .cancelled: "the request was cancelled"
        case .secureConnectionFailed(let reason): "no secure connection could be set up (\(reason))"
        case .other(let reason): reason
        }
    }
}
