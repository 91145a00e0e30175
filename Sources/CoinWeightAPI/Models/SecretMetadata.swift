/// An exchange API key as `/secret/{owner}` lists it: the secret itself comes masked.
public struct SecretMetadata: Codable, Hashable, Sendable {
    /// The exchange the key is for, for example `huobi`.
    public var counterParty: String
    /// The trading account the key belongs to.
    public var owner: String
    /// The exchange API key, unmasked.
    public var apiKey: String
    /// The secret as the server masks it, for example `k****k`. Never the plaintext.
    public var maskedSecretKey: String

    /// Creates metadata with the given fields. `maskedSecretKey` must be masked text,
    /// never a plaintext secret.
    public init(counterParty: String, owner: String, apiKey: String, maskedSecretKey: String) {
        self.counterParty = counterParty
        self.owner = owner
        self.apiKey = apiKey
        self.maskedSecretKey = maskedSecretKey
    }

    enum CodingKeys: String, CodingKey {
        case counterParty, owner, apiKey
        case maskedSecretKey = "secretKey"
    }
}

/// The body of `/secret/add`: the one time a plaintext secret crosses the client.
///
/// Its description masks the secret, so logging the value never leaks it.
public struct NewSecret: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The exchange the key is for, for example `huobi`.
    public var counterParty: String
    /// The trading account the key is for.
    public var owner: String
    /// The exchange API key.
    public var apiKey: String
    /// The plaintext secret key. Secret: never log it or store it.
    public var secretKey: String

    /// A key pair to add for `owner` on `counterParty`.
    public init(counterParty: String, owner: String, apiKey: String, secretKey: String) {
        self.counterParty = counterParty
        self.owner = owner
        self.apiKey = apiKey
        self.secretKey = secretKey
    }

    /// The fields, ``secretKey`` redacted.
    public var description: String {
        "NewSecret(counterParty: \(counterParty), owner: \(owner), apiKey: \(apiKey), secretKey: <redacted>)"
    }
}

/// The body of `/secret/delete`.
public struct SecretReference: Codable, Hashable, Sendable {
    /// The exchange whose key to delete.
    public var counterParty: String
    /// The trading account whose key to delete.
    public var owner: String

    /// A reference to `owner`'s key on `counterParty`.
    public init(counterParty: String, owner: String) {
        self.counterParty = counterParty
        self.owner = owner
    }
}
