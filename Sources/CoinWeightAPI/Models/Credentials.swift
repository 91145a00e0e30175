/// The body of `/user/login`. Its description never shows the password.
public struct Credentials: Codable, Hashable, Sendable, CustomStringConvertible {
    public var userName: String
    public var password: String

    public init(userName: String, password: String) {
        self.userName = userName
        self.password = password
    }

    public var description: String { "Credentials(userName: \(userName), password: <redacted>)" }
}
