/// The `data` of a successful `/user/login` or `/user/signup`.
public struct Session: Codable, Hashable, Sendable {
    public var uid: UserID
    public var userName: String
    public var group: String
    /// Present in login answers, absent in signup answers.
    public var email: String?
    public var authToken: AuthToken

    public init(uid: UserID, userName: String, group: String, email: String? = nil, authToken: AuthToken) {
        self.uid = uid
        self.userName = userName
        self.group = group
        self.email = email
        self.authToken = authToken
    }
}

/// The bare answer of `/test-auth`: who the token belongs to.
public struct AuthIdentity: Codable, Hashable, Sendable {
    public var uid: UserID
    public var group: String

    public init(uid: UserID, group: String) {
        self.uid = uid
        self.group = group
    }
}
