public import Foundation

/// Sends one HTTP request and returns the whole response.
///
/// The client reaches the network only through this protocol, so tests, the sync engine
/// and other platforms can supply their own. ``URLSessionTransport`` is the default.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the response, whatever its status.
    /// - Throws: ``TransportError`` when no complete response arrived.
    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse
}

/// An HTTP request as the client builds it.
public struct HTTPRequest: Sendable {
    /// An HTTP method; its raw value is the method's name on the wire.
    public enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
        case put = "PUT"
        case delete = "DELETE"
    }

    /// The HTTP method.
    public var method: Method
    /// The whole URL, query included.
    public var url: URL
    /// Header fields. May hold `Authorization`: never log them.
    public var headers: [String: String]
    /// The body, or `nil` for none. The client sends JSON, with `Content-Type: application/json`.
    public var body: Data?

    /// A request; by default without headers or body.
    public init(method: Method, url: URL, headers: [String: String] = [:], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// A complete HTTP response.
public struct HTTPResponse: Sendable {
    /// The HTTP status code. The API answers business failures with 200 too: the body decides.
    public var status: Int
    /// Header fields with lower-cased names.
    public var headers: [String: String]
    /// The whole body, empty when there is none.
    public var body: Data

    /// A response. Header names are lower-cased; of names that differ only in case, one is kept.
    public init(status: Int, headers: [String: String] = [:], body: Data) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }

    /// A header's value by case-insensitive name.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}
