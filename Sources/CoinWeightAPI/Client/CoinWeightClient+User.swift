/// The User API.
extension CoinWeightClient {
    /// `POST /user/login`. On success the client keeps the token for later calls.
    public func login(_ credentials: Credentials) async throws(CoinWeightError) -> Session {
        let session: Session = try await send(
            encoding {
                try .post("/user/login", body: credentials, authenticated: false, errors: .login)
            })
        setAuthToken(session.authToken)
        return session
    }

    /// `POST /user/signup`. On success the client keeps the token for later calls.
    public func signup(_ request: SignupRequest) async throws(CoinWeightError) -> Session {
        let session: Session = try await send(
            encoding {
                try .post("/user/signup", body: request, authenticated: false, errors: .signup)
            })
        setAuthToken(session.authToken)
        return session
    }

    /// `GET /user/{uid}/info`: profile and account summary.
    public func userInfo(uid: UserID) async throws(CoinWeightError) -> UserInfo {
        try await send(.get("/user/\(uid.rawValue.pathSegment)/info"))
    }

    /// `GET /user/{uid}/position`: balances per exchange and currency.
    public func positions(uid: UserID) async throws(CoinWeightError) -> [Position] {
        try await send(.get("/user/\(uid.rawValue.pathSegment)/position"))
    }
}
