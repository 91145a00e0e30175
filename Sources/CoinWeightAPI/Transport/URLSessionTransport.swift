import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The default ``HTTPTransport``: URLSession (libcurl underneath on Linux).
public final class URLSessionTransport: HTTPTransport {
    /// Timeouts and limits of a transport.
    public struct Configuration: Sendable {
        /// The longest wait for the next bytes of a response.
        public var requestTimeout: Duration
        /// The longest a whole request may take.
        public var resourceTimeout: Duration
        /// The largest response body accepted.
        public var maxResponseBytes: Int

        /// Timeouts and limits; by default 15 seconds between bytes, 60 for a whole request, 8 MiB of body.
        public init(requestTimeout: Duration = .seconds(15), resourceTimeout: Duration = .seconds(60), maxResponseBytes: Int = 8 << 20) {
            self.requestTimeout = requestTimeout
            self.resourceTimeout = resourceTimeout
            self.maxResponseBytes = maxResponseBytes
        }
    }

    /// GETs share kept-alive connections.
    private let readSession: URLSession
    /// Every other method gets a fresh connection, closed after one use. libcurl resends a
    /// request on its own when a reused connection dies before any response byte arrives;
    /// for a POST that may already have taken effect, that resend can place an order twice.
    /// A connection that is never reused is never resent on.
    private let writeSession: URLSession
    private let maxResponseBytes: Int

    /// A transport with its own ephemeral sessions: no cookies, no cache.
    public init(configuration: Configuration = Configuration()) {
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.timeoutIntervalForRequest = configuration.requestTimeout.timeInterval
        sessionConfiguration.timeoutIntervalForResource = configuration.resourceTimeout.timeInterval
        sessionConfiguration.httpCookieStorage = nil
        sessionConfiguration.urlCache = nil
        sessionConfiguration.requestCachePolicy = .reloadIgnoringLocalCacheData
        readSession = URLSession(configuration: sessionConfiguration)
        writeSession = URLSession(configuration: sessionConfiguration)
        maxResponseBytes = configuration.maxResponseBytes
    }

    deinit {
        readSession.finishTasksAndInvalidate()
        writeSession.finishTasksAndInvalidate()
    }

    /// Sends `request`. GETs reuse kept-alive connections; every other method goes on a fresh
    /// connection with `Connection: close`, so it is never resent on its own.
    /// - Throws: ``TransportError/responseTooLarge(limit:)`` when the body exceeds
    ///   ``Configuration/maxResponseBytes``; otherwise the ``TransportError`` of the platform's failure.
    public func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method.rawValue
        urlRequest.httpBody = request.body
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        let session = request.method == .get ? readSession : writeSession
        if request.method != .get { urlRequest.setValue("close", forHTTPHeaderField: "Connection") }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.cancellableData(for: urlRequest)
        } catch {
            throw Self.transportError(for: error)
        }
        guard let http = response as? HTTPURLResponse else { throw .other("not an HTTP response") }
        guard data.count <= maxResponseBytes else { throw .responseTooLarge(limit: maxResponseBytes) }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name] = value }
        }
        return HTTPResponse(status: http.statusCode, headers: headers, body: data)
    }

    private static func transportError(for error: any Error) -> TransportError {
        guard let urlError = error as? URLError else { return .other(String(describing: error)) }
        switch urlError.code {
        case .timedOut:
            return .timedOut
        case .cancelled:
            return .cancelled
        case .networkConnectionLost, .badServerResponse, .cannotParseResponse, .zeroByteResource:
            return .connectionLost
        case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet:
            return .cannotConnect(urlError.localizedDescription)
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected, .clientCertificateRequired:
            return .secureConnectionFailed(urlError.localizedDescription)
        default:
            // libcurl reports a failed TLS handshake (https:// to a plain HTTP server, say) as an
            // unknown error whose text is OpenSSL's.
            // An untrusted certificate comes the same way, in libcurl's words.
            let text = urlError.localizedDescription
            if text.contains("SSL routines") || text.contains("OpenSSL") || text.contains("SSL certificate problem") {
                return .secureConnectionFailed(text)
            }
            return .other("\(urlError.code.rawValue): \(urlError.localizedDescription)")
        }
    }
}
