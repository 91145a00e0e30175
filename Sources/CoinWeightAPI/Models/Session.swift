/// The `data` of a successful `/user/login` or `/user/signup`.
public struct Session: Codable, Hashable, Sendable {
    /// The user's id.
    public var uid: UserID
    /// The user's name.
    public var userName: String
    /// The user's group, for example `group1`.
    public var group: String
    /// Present in login answers, absent in signup answers.
    public var email: String?
    /// The bearer token of the authenticated endpoints.
    public var authToken: AuthToken

    /// Creates a session with the given fields.
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
    /// The id of the token's user.
    public var uid: UserID
    /// The group of the token's user, for example `group1`.
    public var group: String

    /// Creates an identity with the given fields.
    public init(uid: UserID, group: String) {
        self.uid = uid
        self.group = group
    }
}
