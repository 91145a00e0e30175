/// The body of `/user/signup`. Its description never shows the password.
public struct SignupRequest: Codable, Hashable, Sendable, CustomStringConvertible {
    public var email: String
    public var phone: String
    public var userName: String
    public var password: String

    public init(email: String, phone: String, userName: String, password: String) {
        self.email = email
        self.phone = phone
        self.userName = userName
        self.password = password
    }

    public var description: String {
        "SignupRequest(userName: \(userName), email: \(email), phone: \(phone), password: <redacted>)"
    }
}
