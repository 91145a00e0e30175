import CoinWeightAPI
import CoinWeightServing

/// The API key and secret key API.
extension EmulatorState {
    func secrets(owner: String, _ user: EmulatedUser) throws(APIFailure) -> [SecretMetadata] {
        try requireOwnerOrWrongOwner(owner, user)
        return (secrets[owner] ?? []).map {
            SecretMetadata(counterParty: $0.counterParty, owner: $0.owner, apiKey: $0.apiKey, maskedSecretKey: Self.mask($0.secretKey))
        }
    }

    /// Registers a key; one already registered for that owner and exchange, or the same secret, is error 1.
    func addSecret(_ secret: NewSecret, _ user: EmulatedUser) throws(APIFailure) {
        try requireOwnerOrWrongOwner(secret.owner, user)
        guard !secret.apiKey.isEmpty, !secret.secretKey.isEmpty else { throw .parameters("apiKey and secretKey are required") }
        let existing = secrets.values.joined()
        if existing.contains(where: { $0.secretKey == secret.secretKey || ($0.owner == secret.owner && $0.counterParty == secret.counterParty) }) {
            throw .business(code: 1, message: "Duplicated secret key")
        }
        secrets[secret.owner, default: []].append(secret)
    }

    func deleteSecret(_ reference: SecretReference, _ user: EmulatedUser) throws(APIFailure) {
        try requireOwnerOrWrongOwner(reference.owner, user)
        secrets[reference.owner]?.removeAll { $0.counterParty == reference.counterParty }
    }

    /// `kkkkkk` → `k****k`, as the spec shows.
    static func mask(_ secret: String) -> String {
        guard let first = secret.first, let last = secret.last, secret.count > 2 else { return "****" }
        return "\(first)****\(last)"
    }
}
