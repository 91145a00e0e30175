/// An exchange API key as `/secret/{owner}` lists it: the secret itself comes masked.
public struct SecretMetadata: Codable, Hashable, Sendable {
    public var counterParty: String
    public var owner: String
    public var apiKey: String
    /// The secret as the server masks it, for example `k****k`. Never the plaintext.
    public var maskedSecretKey: String

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
    public var counterParty: String
    public var owner: String
    public var apiKey: String
    public var secretKey: String

    public init(counterParty: String, owner: String, apiKey: String, secretKey: String) {
        self.counterParty = counterParty
        self.owner = owner
        self.apiKey = apiKey
        self.secretKey = secretKey
    }

    public var description: String {
        "NewSecret(counterParty: \(counterParty), owner: \(owner), apiKey: \(apiKey), secretKey: <redacted>)"
    }
}

/// The body of `/secret/delete`.
public struct SecretReference: Codable, Hashable, Sendable {
    public var counterParty: String
    public var owner: String

    public init(counterParty: String, owner: String) {
        self.counterParty = counterParty
        self.owner = owner
    }
}
