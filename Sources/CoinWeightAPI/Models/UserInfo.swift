public import Foundation

/// A user's profile and account summary, from `/user/{uid}/info`.
///
/// Value fields keep the server's text (`"10.0027 USDT"` carries its unit).
public struct UserInfo: Hashable, Sendable {
    /// The user's id; a string on this endpoint (`"123"`), a number accepted too.
    public var uid: UserID
    /// Whether the user has Google Authenticator enabled.
    public var googleAuthEnabled: Bool
    /// The user's group, for example `group1`.
    public var group: String
    /// The user's name.
    public var userName: String
    /// The phone number; `nil` when the server leaves it out.
    public var phone: String?
    /// The email address; `nil` when the server leaves it out.
    public var email: String?
    /// The URL of the avatar image, as text; `nil` when the server leaves it out.
    public var avatar: String?
    /// The account's estimated value as the server writes it, unit included (`"10.0027 USDT"`).
    public var estimatedValue: String
    /// The available value as the server writes it (`"82.0000"`).
    public var availableValue: String
    /// The net unit value as the server writes it, unit included (`"10.0027 USDT"`).
    public var netUnitValue: String
    /// The value on orders as the server writes it (`"12.000"`).
    public var onOrders: String
    /// A JSON number on the wire (`-0.0218`), kept exact.
    public var changePercentage: Decimal

    /// Creates a profile with the given fields.
    public init(
        uid: UserID, googleAuthEnabled: Bool, group: String, userName: String, phone: String?, email: String?,
        avatar: String?, estimatedValue: String, availableValue: String, netUnitValue: String, onOrders: String,
        changePercentage: Decimal
    ) {
        self.uid = uid
        self.googleAuthEnabled = googleAuthEnabled
        self.group = group
        self.userName = userName
        self.phone = phone
        self.email = email
        self.avatar = avatar
        self.estimatedValue = estimatedValue
        self.availableValue = availableValue
        self.netUnitValue = netUnitValue
        self.onOrders = onOrders
        self.changePercentage = changePercentage
    }
}

extension UserInfo: Codable {
    private enum CodingKeys: String, CodingKey {
        case uid, googleAuthEnabled, group, userName, phone, email, avatar
        case estimatedValue, availableValue, netUnitValue, onOrders, changePercentage
    }

    /// Writes `uid` as a string, as the spec's example of this endpoint does.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try uid.encodeAsString(to: container.superEncoder(forKey: .uid))
        try container.encode(googleAuthEnabled, forKey: .googleAuthEnabled)
        try container.encode(group, forKey: .group)
        try container.encode(userName, forKey: .userName)
        try container.encodeIfPresent(phone, forKey: .phone)
        try container.encodeIfPresent(email, forKey: .email)
        try container.encodeIfPresent(avatar, forKey: .avatar)
        try container.encode(estimatedValue, forKey: .estimatedValue)
        try container.encode(availableValue, forKey: .availableValue)
        try container.encode(netUnitValue, forKey: .netUnitValue)
        try container.encode(onOrders, forKey: .onOrders)
        try container.encode(changePercentage, forKey: .changePercentage)
    }
}
