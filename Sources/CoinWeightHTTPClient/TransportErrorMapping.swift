import AsyncHTTPClient
import CoinWeightAPI
import NIOCore
import NIOPosix
import NIOSSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What AsyncHTTPClient's and SwiftNIO's errors mean to the client: whether the request may
/// have reached the server, and whether trying again can help.
enum TransportErrorMapping {
    static func transportError(for error: any Error) -> TransportError {
        switch error {
        case is CancellationError:
            return .cancelled
        case let error as HTTPClientError:
            return transportError(for: error)
        case let error as IOError:
            switch error.errnoCode {
            case ECONNREFUSED, ENETUNREACH, EHOSTUNREACH, EADDRNOTAVAIL: return .cannotConnect(String(cString: strerror(error.errnoCode)))
            case ECONNRESET, EPIPE: return .connectionLost
            default: return .other("\(error)")
            }
        case let error as ChannelError:
            switch error {
            case .connectTimeout: return .cannotConnect("no connection within the connect timeout")
            case .ioOnClosedChannel, .outputClosed, .eof, .alreadyClosed: return .connectionLost
            default: return .other("\(error)")
            }
        case let error as NIOSSLError:
            return .secureConnectionFailed(describe(tls: error))
        case let error as BoringSSLError:
            return .secureConnectionFailed(describe(tls: error))
        case let error as NIOConnectionError:
            // Every attempt to connect failed: the address's own errors say why.
            let reasons =
                error.connectionErrors.map { "\($0.error)" } + (error.dnsAError.map { ["\($0)"] } ?? []) + (error.dnsAAAAError.map { ["\($0)"] } ?? [])
            if let tls = error.connectionErrors.lazy.map(\.error).first(where: { $0 is NIOSSLError || $0 is BoringSSLError }) {
                return .secureConnectionFailed(describe(tls: tls))
            }
            return .cannotConnect(reasons.isEmpty ? "\(error)" : reasons.joined(separator: "; "))
        default:
            let text = "\(error)"
            if text.contains("SSL") || text.contains("certificate") { return .secureConnectionFailed(text) }
            return .other(text)
        }
    }

    /// A TLS failure in words: the common ones said plainly, the library's text otherwise.
    private static func describe(tls error: any Error) -> String {
        let text = "\(error)"
        if text.contains("CERTIFICATE_VERIFY_FAILED") { return "the server's certificate is not signed by an authority this client trusts" }
        if text.contains("WRONG_VERSION_NUMBER") || text.contains("PACKET_LENGTH_TOO_LONG") { return "the server does not speak TLS" }
        return text
    }

    private static func transportError(for error: HTTPClientError) -> TransportError {
        switch error {
        case .connectTimeout, .socksHandshakeTimeout, .httpProxyHandshakeTimeout, .tlsHandshakeTimeout:
            return .cannotConnect("\(error)")
        case .readTimeout, .deadlineExceeded, .writeTimeout:
            return .timedOut
        case .remoteConnectionClosed:
            return .connectionLost
        case .cancelled:
            return .cancelled
        default:
            return .other("\(error)")
        }
    }
}
