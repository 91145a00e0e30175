public import CoinWeightAPI
import CoinWeightStore
import Foundation

/// Logging in and out.
extension CoinWeightMirror {
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

    /// Forgets the session: the token leaves memory and the session store. The mirror's data
    /// stays, and so do the queued writes, sent after the next login of the same user.
    public func logout() throws {
        try sessionStore.delete()
        sessionMark = sessionStore.changeMark
        client.setAuthToken(nil)
        session = nil
        hub.update { $0.account = .loggedOut }
    }

    /// Signs out on a shared device: removes everything the store holds of the logged-in
    /// account (its mirrored rows, cursors, outbox entries and the store's binding to it) and
    /// the session. What every user shares (the symbols config, the defaults) stays; the next
    /// login binds the store again.
    /// A sync or delivery running meanwhile (in ``run()``, say) is stopped first, so that
    /// nothing of the account is written back afterwards.
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
        // Nothing more is pulled or sent for the account: its token goes first, then the sync
        // and the delivery running now end, and only then are its rows removed.
        client.setAuthToken(nil)
        session = nil
        hub.update { $0.account = .loggedOut }
        await engine.cancelRunning()
        await outbox.finishDelivery()
        try await store.write { try $0.forgetAccount(uid: uid) }
        try logout()
    }

    /// Reads the session store again, for a long-running process whose user may have logged
    /// in or out from another one; the client takes the saved token. ``run()`` does this
    /// whenever the session store's ``SessionStore/changeMark`` moves.
    /// - Returns: the session now in force.
    @discardableResult
    public func reloadSession() async -> Session? {
        sessionMark = sessionStore.changeMark
        let saved = try? sessionStore.load()
        guard saved != session else { return session }
        session = saved
        client.setAuthToken(saved?.authToken)
        hub.update { $0.account = Self.account(of: saved) }
        if saved != nil { await sessionRenewed() }
        return session
    }

    /// Whether another process saved or removed the session since this mirror last read it.
    var sessionChangedElsewhere: Bool { sessionStore.changeMark != sessionMark }

    private func remember(_ session: Session) async throws -> Session {
        let identity = StoreIdentity(endpoint: endpoint, uid: session.uid, userName: session.userName, boundAt: Date())
        try await store.write { [path = store.path] in
            try $0.bindIdentity(identity, path: path)
            try $0.clearTokenRefusal(uid: session.uid)
        }
        try sessionStore.save(session)
        sessionMark = sessionStore.changeMark
        self.session = session
        hub.update { $0.account = Self.account(of: session) }
        await sessionRenewed()
        return session
    }

    /// A new login: the engine and the outbox leave their refused state, and ``run()`` wakes.
    private func sessionRenewed() async {
        await engine.sessionRenewed()
        await outbox.sessionRenewed()
        await scheduler?.wake()
    }
}
