/// The body of `/user/login`. Its description never shows the password.
public struct Credentials: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The account's user name.
    public var userName: String
    /// The plaintext password. Secret: do not log it.
    public var password: String

    /// Credentials of `userName`.
    public init(userName: String, password: String) {
        self.userName = userName
        self.password = password
    }

    /// The user name, the password redacted.
    public var description: String { "Credentials(userName: \(userName), password: <redacted>)" }
}
