public import CoinWeightAPI
public import CoinWeightStore
public import Foundation
public import Logging

/// What an app holds: the local mirror of one account on one server, kept in sync, with the
/// user's writes queued and delivered.
///
/// ```swift
/// let mirror = try await CoinWeightMirror.open(storePath: StoreLocation.defaultPath(), baseURL: endpoint)
/// let running = Task { await mirror.run() }          // syncs and delivers until cancelled
/// for await state in mirror.states() { statusBar.show(state) }
/// ```
///
/// Reads and their observations go to ``store`` (``CoinWeightStore/observe(_:)``); writes go
/// through the mirror (``addFavorite(_:)``, ``placeOrder(_:validFor:allowWhileOffline:)``...),
/// which checks them, shows them in the mirror at once, marked pending, and delivers them
/// once each, in order.
///
/// The session (its token included) is kept in a ``SessionStore``: by default a
/// ``SessionFile`` beside the store, mode 0600; it is never logged.
///
/// A store mirrors one account on one server (``StoreIdentity``), bound by its first login:
/// opening it for another endpoint, or logging in as another user, throws
/// ``StoreIdentityMismatch`` before any request, so the token is never sent to a server
/// other than the one that issued it.
public actor CoinWeightMirror {
    /// The local store: every read and observation of the mirrored data.
    public nonisolated let store: CoinWeightStore
    /// The API's base URL this mirror talks to: the one asked for, else the store's own.
    public nonisolated let endpoint: URL
    /// The typed client of the API, for what the mirror does not hold (a secret's creation
    /// needs the server). It carries the session's token.
    public nonisolated let client: CoinWeightClient
    package nonisolated let engine: SyncEngine
    package nonisolated let outbox: Outbox
    let configuration: SyncConfiguration
    let sessionStore: any SessionStore
    let hub: MirrorStateHub
    /// The logged-in user, restored from the session store when there is one.
    public internal(set) var session: Session?
    /// The session store's change mark when the session was last read.
    var sessionMark: Date?
    /// The sync loop of ``run()``, while it runs.
    var scheduler: SyncScheduler?

    /// Opens the store at `storePath` (creating it and its folder's files, and migrating it)
    /// off the caller's actor, and restores the saved session, if any. Nothing is sent.
    /// - Parameters:
    ///   - storePath: the store file; ``StoreLocation/defaultPath()`` is the platform's
    ///     application-support folder.
    ///   - baseURL: the API's base URL; `nil` for the store's own (the endpoint of its first
    ///     login), else `defaultBaseURL`.
    ///   - defaultBaseURL: the endpoint of a store bound to none when `baseURL` is `nil`.
    ///   - allowInsecureHTTP: permits plain `http://` to a host other than this machine.
    ///   - transport: how requests are sent.
    ///   - sessionStore: where the session is kept; `nil` for a ``SessionFile`` beside the store.
    ///   - configuration: the sync's and the outbox's windows, deadlines, backoff and clock.
    ///   - logger: where the mirror says what it does (never a token); `nil`, the default,
    ///     says nothing.
    /// - Throws: a ``StoreError`` for a store that cannot be used, ``StoreIdentityMismatch``
    ///   for a store bound to another endpoint (or whose saved session is another account's),
    ///   ``MirrorError/noEndpoint(path:)`` when no endpoint is known,
    ///   ``CoinWeightError/insecureEndpoint(_:)`` for a plain-HTTP endpoint off this machine.
    @concurrent
    public static func open(
        storePath: String, baseURL: URL? = nil, defaultBaseURL: URL? = nil, allowInsecureHTTP: Bool = false,
        transport: any HTTPTransport = URLSessionTransport(), sessionStore: (any SessionStore)? = nil,
        configuration: SyncConfiguration = SyncConfiguration(), logger: Logger? = nil
    ) async throws -> CoinWeightMirror {
        try CoinWeightMirror(
            storePath: storePath, baseURL: baseURL, defaultBaseURL: defaultBaseURL, allowInsecureHTTP: allowInsecureHTTP,
            transport: transport, sessionStore: sessionStore, configuration: configuration,
            logger: logger ?? Logger(label: "cwsync", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    /// ``open(storePath:baseURL:defaultBaseURL:allowInsecureHTTP:transport:sessionStore:configuration:logger:)``
    /// on the caller's thread, for the command line and tests.
    package init(
        storePath: String, baseURL: URL? = nil, defaultBaseURL: URL? = nil, allowInsecureHTTP: Bool = false,
        transport: any HTTPTransport = URLSessionTransport(), sessionStore: (any SessionStore)? = nil,
        configuration: SyncConfiguration = SyncConfiguration(), logger: Logger = Logger(label: "cwsync")
    ) throws {
        // Every refusal comes before the store is opened for writing: its files stay as they were.
        let bound = try CoinWeightStore.identity(at: storePath)
        let sessionStore = sessionStore ?? SessionFile(besideStore: storePath)
        let mark = sessionStore.changeMark
        let saved = try sessionStore.load()
        let endpoint = try Self.endpoint(bound: bound, asked: baseURL, fallback: defaultBaseURL, saved: saved, path: storePath)
        let store = try CoinWeightStore(path: storePath)
        do {
            // A store from before identities, with a saved session, adopts its account here.
            if bound == nil, let saved {
                let adopted = StoreIdentity(endpoint: endpoint, uid: saved.uid, userName: saved.userName, boundAt: configuration.now())
                try store.writeNow { try $0.bindIdentity(adopted, path: storePath) }
            }
            client = try CoinWeightClient(
                baseURL: endpoint, transport: transport, allowInsecureHTTP: allowInsecureHTTP, authToken: saved?.authToken, logger: logger)
        } catch {
            try? store.close()
            throw error
        }
        let hub = MirrorStateHub()
        hub.update { $0.account = Self.account(of: saved) }
        if let saved, try store.readNow(.isTokenRefused(saved.authToken, uid: saved.uid)) || saved.authToken.isExpired(at: configuration.now()) {
            hub.update { $0.refuseAccount() }
        }
        client.observeAnswers { [weak hub] answered, date in hub?.update { $0.noteAnswer(answered, at: date) } }
        self.store = store
        self.endpoint = endpoint
        self.configuration = configuration
        self.sessionStore = sessionStore
        self.hub = hub
        sessionMark = mark
        engine = SyncEngine(client: client, store: store, configuration: configuration, logger: logger, hub: hub)
        outbox = Outbox(client: client, store: store, configuration: configuration, logger: logger, hub: hub)
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

    /// The account of a session as the server has not refused it (yet).
    static func account(of session: Session?) -> MirrorState.Account {
        session.map { .loggedIn(uid: $0.uid, userName: $0.userName) } ?? .loggedOut
    }

    /// Whose mirror the store is; `nil` before its first login.
    public var identity: StoreIdentity? {
        get async throws { try await store.read(.identity) }
    }

    /// The mirror's state now, then each change of it: the account, whether the server
    /// answers, each resource's sync state, the sync in progress and the outbox's counts.
    /// A consumer that falls behind skips to the newer states. It ends at ``close()``.
    public nonisolated func states() -> AsyncStream<MirrorState> {
        hub.subscribe(store: store) { [weak self] in await self?.session?.uid }
    }

    /// The mirror's state now, its store part read from the store this moment.
    public var state: MirrorState {
        get async {
            var state = hub.current
            if let status = try? await store.read(.status(uid: session?.uid)) { state.take(status) }
            return state
        }
    }

    /// Ends ``states()``' sequences and closes the store. Cancel the task running ``run()``
    /// first; the mirror cannot be used afterwards.
    public func close() throws {
        hub.close()
        try store.close()
    }
}
