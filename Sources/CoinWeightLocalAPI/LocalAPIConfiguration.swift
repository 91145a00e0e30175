public import Foundation

/// How ``LocalAPIServer`` listens, whom it lets in, and how long a write waits for the server.
public struct LocalAPIConfiguration: Sendable {
    /// The address to listen on: loopback unless the caller allowed another.
    public var host: String
    /// The port; 0 picks a free one (``LocalAPIServer/baseURL`` tells which).
    public var port: Int
    /// Browser origins, besides the console's own, whose requests are let in (with CORS headers),
    /// such as `http://localhost:3000` for a web front end in development.
    public var allowedOrigins: Set<String>
    /// How long a write waits for the server's acknowledgement while the server answers,
    /// before it is answered as queued (pending).
    public var acknowledgementWait: Duration
    /// How long a login through the API waits for the first sync of the account before it
    /// answers: short of the read timeouts clients use, so the answer comes in time; what is
    /// not synced by then answers `CWSync-Synced-At: never` until it is.
    public var loginSyncWait: Duration

    /// A configuration listening on `host:port` for bearers of the store's ``LocalAPIKey``
    /// (read at each request: a renewed key takes effect at once) or of the session's token.
    public init(
        host: String = "127.0.0.1", port: Int = 0, allowedOrigins: Set<String> = [], acknowledgementWait: Duration = .seconds(3),
        loginSyncWait: Duration = .seconds(5)
    ) {
        self.host = host
        self.port = port
        self.allowedOrigins = allowedOrigins
        self.acknowledgementWait = acknowledgementWait
        self.loginSyncWait = loginSyncWait
    }
}
