import CoinWeightAPI
import CoinWeightServing
import Foundation

/// The whole state of the emulated exchange: users, tokens, orders, secrets and faults.
///
/// Every API route and every control call goes through this actor, so each request sees
/// and leaves a consistent state. Tests may also call it directly, in process.
public actor EmulatorState {
    let configuration: EmulatorConfiguration
    var users: [Int: EmulatedUser]
    var book: OrderBook
    /// Secrets by owner, plaintext kept in memory only (they are the server's to keep).
    var secrets: [String: [NewSecret]] = [:]
    let signer = TokenSigner()
    /// Tokens of an earlier generation are refused: the "expire tokens" fault bumps it.
    var tokenGeneration = 0
    var faults = FaultPlan()
    var faultCounts = FaultCounts()
    var random: SeededRandom
    /// The id the next created strategy item gets: one more than any id ever given, so that a
    /// deleted item's id never names another item.
    var nextStrategyID: Int

    public init(configuration: EmulatorConfiguration) {
        self.configuration = configuration
        users = Dictionary(uniqueKeysWithValues: EmulatedUser.seeded().map { ($0.uid, $0) })
        nextStrategyID = (users.values.flatMap { $0.strategies.compactMap { $0.id.flatMap(Int.init) } }.max() ?? 0) + 1
        random = SeededRandom(seed: configuration.randomSeed)
        var book = OrderBook()
        let now = configuration.now().millisecondsSince1970
        book.seedHistory(owner: "2", count: configuration.seedOrders, days: configuration.seedDays, seed: configuration.randomSeed, endTime: now)
        self.book = book
    }

    /// The emulated exchange's clock, in milliseconds since the epoch.
    nonisolated var nowMilliseconds: Int64 { configuration.now().millisecondsSince1970 }

    // MARK: - Users and tokens

    func login(_ credentials: Credentials) throws(APIFailure) -> Session {
        guard !credentials.userName.isEmpty, !credentials.password.isEmpty else {
            throw .business(code: 4, message: "Parameters error")
        }
        guard let user = users.values.first(where: { $0.userName == credentials.userName }) else {
            throw .business(code: 1, message: "Account not exist")
        }
        guard user.password == credentials.password else { throw .business(code: 3, message: "Password error") }
        return Session(uid: UserID(user.uid), userName: user.userName, group: user.group, email: user.email, authToken: issueToken(for: user))
    }

    func signup(_ request: SignupRequest) throws(APIFailure) -> Session {
        guard !request.userName.isEmpty, !request.password.isEmpty, !request.email.isEmpty else {
            throw .business(code: 4, message: "Parameters error")
        }
        if users.values.contains(where: { $0.userName == request.userName }) { throw .business(code: 1, message: "Username duplication") }
        if users.values.contains(where: { $0.email == request.email }) { throw .business(code: 2, message: "Email duplication") }
        if !request.phone.isEmpty, users.values.contains(where: { $0.phone == request.phone }) {
            throw .business(code: 3, message: "Phone duplication")
        }
        let uid = (users.keys.max() ?? 1) + 1
        let user = EmulatedUser(uid: uid, userName: request.userName, password: request.password, email: request.email, phone: request.phone)
        users[uid] = user
        return Session(uid: UserID(uid), userName: user.userName, group: user.group, authToken: issueToken(for: user))
    }

    private func issueToken(for user: EmulatedUser) -> AuthToken {
        let now = nowMilliseconds / 1000
        let lifetime = configuration.tokenLifetime.components.seconds
        return AuthToken(signer.sign(.init(uid: user.uid, iss: "ex", exp: now + lifetime, group: user.group, gen: tokenGeneration)))
    }

    /// The user a bearer token belongs to, or 403.
    func authenticate(_ token: String?) throws(APIFailure) -> EmulatedUser {
        guard let token, let claims = signer.verify(token), claims.exp > nowMilliseconds / 1000,
            claims.gen == tokenGeneration, let user = users[claims.uid]
        else { throw .forbidden }
        return user
    }

    /// 403 unless `uid` (a path or body value) is the token's own user.
    func requireSelf(_ uid: String, _ user: EmulatedUser) throws(APIFailure) {
        guard uid == String(user.uid) else { throw .forbidden }
    }

    /// Who may act for an owner.
    enum OwnerCheck { case own, foreign, unknown }

    func check(owner: String, for user: EmulatedUser) -> OwnerCheck {
        if user.owners.contains(owner) { return .own }
        return users.values.contains { $0.owners.contains(owner) } ? .foreign : .unknown
    }

    /// 403 unless the owner is the user's. For order endpoints an unknown owner is 403 too.
    func requireOwner(_ owner: String, _ user: EmulatedUser) throws(APIFailure) {
        guard check(owner: owner, for: user) == .own else { throw .forbidden }
    }

    /// The secret and strategy endpoints' rule: another user's owner is 403, an owner nobody has is error 500.
    func requireOwnerOrWrongOwner(_ owner: String, _ user: EmulatedUser) throws(APIFailure) {
        switch check(owner: owner, for: user) {
        case .own: return
        case .foreign: throw .forbidden
        case .unknown: throw APIFailure.wrongOwner
        }
    }

    func testAuth(_ user: EmulatedUser) -> AuthIdentity { AuthIdentity(uid: UserID(user.uid), group: user.group) }

    func userInfo(_ user: EmulatedUser) -> UserInfo { user.info }

    func positions(_ user: EmulatedUser) -> [Position] { user.positions }

    /// Applies `change` to the stored user and returns the new value.
    @discardableResult
    func mutateUser(_ uid: Int, _ change: (inout EmulatedUser) throws(APIFailure) -> Void) throws(APIFailure) -> EmulatedUser {
        guard var user = users[uid] else { throw .forbidden }
        try change(&user)
        users[uid] = user
        return user
    }
}
