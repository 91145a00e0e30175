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
///
/// A store mirrors one account on one server (``StoreIdentity``), bound by its first login:
/// opening it for another endpoint, or logging in as another user, throws
/// ``StoreIdentityMismatch`` before any request, so the token is never sent to a server
/// other than the one that issued it.
public actor CoinWeightMirror {
    public nonisolated let store: CoinWeightStore
    /// The API's base URL this mirror talks to: the one asked for, else the store's own.
    public nonisolated let endpoint: URL
    public nonisolated let client: CoinWeightClient
    public nonisolated let engine: SyncEngine
    /// Where the user's writes wait until the server has them.
    public nonisolated let outbox: Outbox
    private let sessionFile: SessionFile
    /// The logged-in user, restored from the session file when there is one.
    public private(set) var session: Session?

    /// Opens the store (creating it) and restores the saved session, if any.
    /// - Parameters:
    ///   - baseURL: the API's base URL; `nil` for the store's own (the endpoint of its first
    ///     login), else `defaultBaseURL`.
    ///   - defaultBaseURL: the endpoint of a store bound to none when `baseURL` is `nil`.
    /// - Throws: a ``StoreError`` for a store that cannot be used, ``StoreIdentityMismatch``
    ///   for a store bound to another endpoint (or whose saved session is another account's),
    ///   ``MirrorError/noEndpoint(path:)`` when no endpoint is known,
    ///   ``CoinWeightError/insecureEndpoint(_:)`` for a plain-HTTP endpoint off this machine.
    public init(
        storePath: String, baseURL: URL? = nil, defaultBaseURL: URL? = nil, allowInsecureHTTP: Bool = false,
        transport: any HTTPTransport = URLSessionTransport(), configuration: SyncConfiguration = SyncConfiguration(),
        logger: Logger = Logger(label: "cwsync")
    ) throws {
        // Every refusal comes before the store is opened for writing: its files stay as they were.
        let bound = try CoinWeightStore.identity(at: storePath)
        let sessionFile = SessionFile(besideStore: storePath)
        let saved = sessionFile.load()
        let endpoint = try Self.endpoint(bound: bound, asked: baseURL, fallback: defaultBaseURL, saved: saved, path: storePath)
        let store = try CoinWeightStore(path: storePath)
        do {
            // A store from before identities, with a saved session, adopts its account here.
            if bound == nil, let saved {
                let adopted = StoreIdentity(endpoint: endpoint, uid: saved.uid, userName: saved.userName, boundAt: configuration.now())
                try store.writeNow { try $0.bindIdentity(adopted, path: storePath) }
            }
            client = try CoinWeightClient(baseURL: endpoint, transport: transport, allowInsecureHTTP: allowInsecureHTTP, authToken: saved?.authToken, logger: logger)
        } catch {
            try? store.close()
            throw error
        }
        self.store = store
        self.endpoint = endpoint
        self.sessionFile = sessionFile
        engine = SyncEngine(client: client, store: store, configuration: configuration, logger: logger)
        outbox = Outbox(client: client, store: store, configuration: configuration, logger: logger)
        session = saved
    }

    /// The endpoint to talk to: the one asked for (which must be the store's own once it is
    /// bound), else the store's, else `fallback`.
    /// - Throws: ``StoreIdentityMismatch`` for another endpoint, or a saved session of another
    ///   account; ``MirrorError/noEndpoint(path:)``.
    private static func endpoint(bound: StoreIdentity?, asked: URL?, fallback: URL?, saved: Session?, path: String) throws -> URL {
        if let bound, let asked { try bound.require(endpoint: StoreIdentity.normalizedEndpoint(asked), path: path) }
        if let bound, let saved, saved.uid != bound.uid { throw StoreIdentityMismatch(path: path, bound: bound, asked: .uid(saved.uid)) }
        guard let endpoint = asked ?? bound.flatMap({ URL(string: $0.endpoint) }) ?? fallback else { throw MirrorError.noEndpoint(path: path) }
        return endpoint
    }

    /// Whose mirror the store is; `nil` before its first login.
    public var identity: StoreIdentity? {
        get async throws { try await store.read(.identity) }
    }

    /// Logs in, binds the store to the account when it is bound to none, saves the session,
    /// and lets a paused sync and outbox resume.
    /// - Throws: ``StoreIdentityMismatch`` before any request when the store mirrors another
    ///   user; what the client throws.
    public func login(_ credentials: Credentials) async throws -> Session {
        try await requireUser(credentials.userName)
        return try await remember(client.login(credentials))
    }

    /// Creates an account, binds the store to it as ``login(_:)`` does, saves its session.
    public func signup(_ request: SignupRequest) async throws -> Session {
        try await requireUser(request.userName)
        return try await remember(client.signup(request))
    }

    private func requireUser(_ userName: String) async throws {
        try await store.read(.identity)?.require(userName: userName, path: store.path)
    }

    /// Forgets the session: the token leaves memory and disk. The mirror's data stays.
    public func logout() throws {
        try sessionFile.delete()
        client.setAuthToken(nil)
        session = nil
    }

    /// Signs out on a shared device: removes everything the store holds of the logged-in
    /// account (its mirrored rows, cursors, outbox entries and the store's binding to it) and
    /// the session. What every user shares (the symbols config, the defaults) stays; the next
    /// login binds the store again.
    /// - Parameter discardingQueued: also drop writes the server has not confirmed yet.
    /// - Throws: ``MirrorError/undeliveredWrites(_:)`` when some are queued and
    ///   `discardingQueued` is false; nothing is removed then.
    public func forgetAccount(discardingQueued: Bool = false) async throws {
        guard let uid = try await store.read(.identity)?.uid ?? session?.uid else {
            try logout()
            return
        }
        let waiting = try await store.read(.outbox(uid: uid, states: [.pending, .sending])).count
        guard waiting == 0 || discardingQueued else { throw MirrorError.undeliveredWrites(waiting) }
        try await store.write { try $0.forgetAccount(uid: uid) }
        try logout()
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
        let identity = StoreIdentity(endpoint: endpoint, uid: session.uid, userName: session.userName, boundAt: Date())
        try await store.write { [path = store.path] in
            try $0.bindIdentity(identity, path: path)
            try $0.clearTokenRefusal(uid: session.uid)
        }
        try sessionFile.save(session)
        self.session = session
        await engine.sessionRenewed()
        await outbox.sessionRenewed()
        return session
    }
}
