import CoinWeightAPI
import CoinWeightStore
import Foundation
import Logging

/// What an app holds: a store at a path, a client for an endpoint, the session, and the
/// sync engine and outbox between them.
///
/// ```swift
/// let mirror = try CoinWeightMirror(storePath: StoreLocation.defaultPath(), baseURL: endpoint)
/// if await mirror.session == nil { _ = try await mirror.login(Credentials(userName: "abc", password: password)) }
/// let report = await mirror.syncNow()
/// for try await orders in mirror.store.observe(.orders(OrderFilter(owner: "2"))) { render(orders) }
/// ```
///
/// The session (its token included) is kept in ``SessionFile`` beside the store, mode 0600,
/// and never logged.
public actor CoinWeightMirror {
    public nonisolated let store: CoinWeightStore
    public nonisolated let client: CoinWeightClient
    public nonisolated let engine: SyncEngine
    /// Where the user's writes wait until the server has them.
    public nonisolated let outbox: Outbox
    private let sessionFile: SessionFile
    /// The logged-in user, restored from the session file when there is one.
    public private(set) var session: Session?

    /// Opens the store (creating it) and restores the saved session, if any.
    /// - Throws: a ``StoreError`` for a store that cannot be used, ``CoinWeightError/insecureEndpoint(_:)``
    ///   for a plain-HTTP endpoint off this machine.
    public init(
        storePath: String, baseURL: URL, allowInsecureHTTP: Bool = false, transport: any HTTPTransport = URLSessionTransport(),
        configuration: SyncConfiguration = SyncConfiguration(), logger: Logger = Logger(label: "cwsync")
    ) throws {
        store = try CoinWeightStore(path: storePath)
        sessionFile = SessionFile(besideStore: storePath)
        let saved = sessionFile.load()
        client = try CoinWeightClient(baseURL: baseURL, transport: transport, allowInsecureHTTP: allowInsecureHTTP, authToken: saved?.authToken, logger: logger)
        engine = SyncEngine(client: client, store: store, configuration: configuration, logger: logger)
        outbox = Outbox(client: client, store: store, configuration: configuration, logger: logger)
        session = saved
    }

    /// Logs in, saves the session, and lets a paused sync and outbox resume.
    public func login(_ credentials: Credentials) async throws -> Session {
        try await remember(client.login(credentials))
    }

    /// Creates an account, saves its session.
    public func signup(_ request: SignupRequest) async throws -> Session {
        try await remember(client.signup(request))
    }

    /// Forgets the session: the token leaves memory and disk. The mirror's data stays.
    public func logout() throws {
        try sessionFile.delete()
        client.setAuthToken(nil)
        session = nil
    }

    /// Reads the session file again, for a long-running process whose user may have logged
    /// in or out from another one; the client takes the file's token.
    /// - Returns: the session now in force.
    @discardableResult
    public func reloadSession() async -> Session? {
        let saved = sessionFile.load()
        guard saved != session else { return session }
        session = saved
        client.setAuthToken(saved?.authToken)
        if saved != nil {
            await engine.sessionRenewed()
            await outbox.sessionRenewed()
        }
        return session
    }

    /// Syncs `resources` (all by default) of the logged-in user now.
    public func syncNow(only resources: Set<SyncResource> = Set(SyncResource.allCases)) async -> SyncReport {
        guard let session else {
            var report = SyncReport()
            report.authRequired = true
            for resource in resources { report.outcomes[resource] = .skipped }
            return report
        }
        return await engine.sync(uid: session.uid, only: resources)
    }

    /// Sends the logged-in user's queued writes that are due now; `nil` when logged out.
    public func pushNow() async -> DeliveryReport? {
        guard let session else { return nil }
        return await outbox.deliver(uid: session.uid)
    }

    /// What the engine is doing.
    public var status: SyncStatus {
        get async { session == nil ? .authRequired : await engine.status }
    }

    private func remember(_ session: Session) async throws -> Session {
        try sessionFile.save(session)
        try await store.write { try $0.clearTokenRefusal(uid: session.uid) }
        self.session = session
        await engine.sessionRenewed()
        await outbox.sessionRenewed()
        return session
    }
}
