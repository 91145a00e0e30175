import CoinWeightAPI
import CoinWeightServing
import CoinWeightStore
import CoinWeightSync
import Hummingbird

/// The User API and the API keys: the account and positions from the mirror; logins, signups
/// and API key changes passed on to the server, which alone can make them.
extension LocalRoutes {
    func addUserRoutes(to group: RouterGroup<BasicRequestContext>) {
        group.get(
            "test-auth",
            use: route { _, _, caller in
                WireResponse.bare(AuthIdentity(uid: try caller.uid(), group: caller.session?.group ?? caller.session?.authToken.claims?.group ?? ""))
            })
        group.post(
            "user/login",
            use: route(.brief) { request, context, _ in
                try await remembered(mirror.login(request.decodeBody(Credentials.self, context: context)))
            })
        group.post(
            "user/signup",
            use: route(.brief) { request, context, _ in
                try await remembered(mirror.signup(request.decodeBody(SignupRequest.self, context: context)))
            })
        group.get(
            "user/:uid/info",
            use: ownUser(.brief) { _, _, uid in
                guard let info = try await store.read(.userInfo(uid: uid)) else { throw LocalRefusal.notSynced("user info") }
                return try await synced(info, "userInfo:\(uid)", style: .brief)
            })
        group.get(
            "user/:uid/position", use: ownUser(.brief) { _, _, uid in try await synced(store.read(.positions(uid: uid)), "positions:\(uid)", style: .brief) })
        group.get(
            "secret/:owner",
            use: route { _, context, caller in
                let owner = try context.parameters.require("owner")
                try await requireOwner(owner, uid: caller.uid(), refusal: .wrongOwner)
                return try await synced(store.read(.secrets(owner: owner)), "secrets:\(owner)")
            })
        group.post("secret/add", use: secretChange(NewSecret.self, owner: \.owner) { try await mirror.client.addSecret($0) })
        group.post("secret/delete", use: secretChange(SecretReference.self, owner: \.owner) { try await mirror.client.deleteSecret($0) })
    }

    /// An API key's addition or deletion: made on the server (it alone can), then the owner's
    /// keys read again into the mirror.
    private func secretChange<Body: Decodable & Sendable>(
        _ body: Body.Type, owner: KeyPath<Body, String> & Sendable, _ change: @escaping @Sendable (Body) async throws -> Void
    ) -> Handler {
        route { request, context, caller in
            let value = try await request.decodeBody(Body.self, context: context)
            try await requireOwner(value[keyPath: owner], uid: caller.uid(), refusal: .wrongOwner)
            try await change(value)
            try await mirror.refreshSecrets(owner: value[keyPath: owner])
            return WireResponse.okEmpty()
        }
    }

    /// The answer to a login or signup the mirror made and saved: the session, once the
    /// account's first sync is done or ``LocalAPIConfiguration/loginSyncWait`` is over, so
    /// that the reads after it find the account's data.
    private func remembered(_ session: Session) async -> Response {
        let (done, finish) = AsyncStream.makeStream(of: Void.self)
        let mirror = mirror
        let sync = Task {
            _ = await mirror.syncNow()
            finish.finish()
        }
        let timer = Task {
            try? await Task.sleep(for: configuration.loginSyncWait)
            finish.finish()
        }
        for await _ in done {}
        timer.cancel()
        withExtendedLifetime(sync) {}
        return WireResponse.ok(session, style: .brief)
    }
}
