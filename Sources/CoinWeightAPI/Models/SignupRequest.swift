/// The body of `/user/signup`. Its description never shows the password.
public struct SignupRequest: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The new account's email address.
    public var email: String
    /// The new account's phone number (`"12345"`).
    public var phone: String
    /// The user name to register.
    public var userName: String
    /// The plaintext password. Secret: do not log it.
    public var password: String

    /// A signup of `userName`.
    public init(email: String, phone: String, userName: String, password: String) {
        self.email = email
        self.phone = phone
        self.userName = userName
        self.password = password
    }

    /// The user name, email and phone, the password redacted.
    public var description: String {
        "SignupRequest(userName: \(userName), email: \(email), phone: \(phone), password: <redacted>)"
    }
}
