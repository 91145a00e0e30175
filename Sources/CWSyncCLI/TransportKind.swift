import ArgumentParser

/// `--transport`: which ``HTTPTransport`` the client sends its requests with.
enum TransportKind: String, CaseIterable, ExpressibleByArgument {
    /// AsyncHTTPClient: pooled keep-alive connections for reads and writes, never a resend.
    case asynchttpclient
    /// URLSession (libcurl on Linux): writes on connections of their own.
    case urlsession

    /// AsyncHTTPClient on Linux, URLSession on Apple platforms.
    static var platformDefault: TransportKind {
        #if canImport(Darwin)
            .urlsession
        #else
            .asynchttpclient
        #endif
    }
}
