import AsyncHTTPClient
public import CoinWeightAPI
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// An ``HTTPTransport`` on AsyncHTTPClient: one pool of kept-alive connections for reads and
/// writes alike, over HTTP/1.1 or TLS.
///
/// AsyncHTTPClient never sends a request again on its own (it retries only the setting up of
/// a connection), so a write needs no connection of its own: an order placed over a pooled
/// connection that dies is reported as lost, never placed twice behind the caller's back.
/// Redirects are not followed (a token must not travel to another host), and responses are
/// not decompressed.
///
/// It is the command line's default on Linux; an app on Apple platforms, which has
/// URLSession, need not link it (nor SwiftNIO).
public struct AsyncHTTPClientTransport: HTTPTransport {
    /// Timeouts, limits and trust of a transport.
    public struct Configuration: Sendable {
        /// The longest a whole request may take, from sending to the end of the response.
        public var resourceTimeout: Duration
        /// The largest response body accepted.
        public var maxResponseBytes: Int
        /// PEM files of certificate authorities to trust besides the system's (a local test
        /// server's own CA, say). Without one, only the system's are trusted.
        public var additionalCAFiles: [String]

        /// By default 60 seconds for a whole request, 8 MiB of body, the system's CAs alone.
        public init(resourceTimeout: Duration = .seconds(60), maxResponseBytes: Int = 8 << 20, additionalCAFiles: [String] = []) {
            self.resourceTimeout = resourceTimeout
            self.maxResponseBytes = maxResponseBytes
            self.additionalCAFiles = additionalCAFiles
        }
    }

    private let configuration: Configuration
    /// The TLS settings of requests to `https://` URLs, when CAs are added.
    private let tls: TLSConfiguration?

    /// A transport on the process's one pool.
    /// - Throws: ``TransportError/secureConnectionFailed(_:)`` when a CA file cannot be read.
    public init(configuration: Configuration = Configuration()) throws(TransportError) {
        self.configuration = configuration
        guard !configuration.additionalCAFiles.isEmpty else {
            tls = nil
            return
        }
        var tls = TLSConfiguration.makeClientConfiguration()
        for file in configuration.additionalCAFiles {
            do {
                tls.additionalTrustRoots.append(.certificates(try NIOSSLCertificate.fromPEMFile(file)))
            } catch {
                throw .secureConnectionFailed("\(file) holds no PEM certificate this client can read (\(error))")
            }
        }
        self.tls = tls
    }

    /// Sends `request` on a pooled connection.
    /// - Throws: ``TransportError/responseTooLarge(limit:)`` when the body exceeds
    ///   ``Configuration/maxResponseBytes``; otherwise the ``TransportError`` of the failure.
    public func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.method.rawValue)
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        if request.url.scheme == "https", let tls { outgoing.tlsConfiguration = tls }
        do {
            let response = try await Self.client.execute(outgoing, timeout: .nanoseconds(Int64(configuration.resourceTimeout.timeInterval * 1e9)))
            let body: ByteBuffer
            do {
                body = try await response.body.collect(upTo: configuration.maxResponseBytes)
            } catch is NIOTooManyBytesError {
                throw TransportError.responseTooLarge(limit: configuration.maxResponseBytes)
            }
            var headers: [String: String] = [:]
            for (name, value) in response.headers { headers[name] = headers[name].map { "\($0), \(value)" } ?? value }
            return HTTPResponse(status: Int(response.status.code), headers: headers, body: Data(body.readableBytesView))
        } catch let error as TransportError {
            throw error
        } catch {
            throw TransportErrorMapping.transportError(for: error)
        }
    }

    /// The process's one client: never shut down (it lives as long as the process), so no
    /// transport has to be closed. 10 s to connect, 15 s between two reads, no redirects,
    /// no second attempt at a connection.
    private static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(15))
        configuration.redirectConfiguration = .disallow
        configuration.decompression = .disabled
        configuration.httpVersion = .http1Only
        // A connection that cannot be set up fails the request at once: retrying a refused
        // certificate for the whole connect timeout helps nobody, and the sync and the outbox
        // have backoffs of their own.
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
    }()
}
