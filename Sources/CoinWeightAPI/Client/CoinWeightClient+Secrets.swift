/// The API key and secret key API. Secrets are sent once and never kept by the client.
extension CoinWeightClient {
    /// `GET /secret/{owner}`: the owner's API keys, secrets masked.
    public func secrets(owner: String) async throws(CoinWeightError) -> [SecretMetadata] {
        try await send(.get("/secret/\(owner.pathSegment)", errors: .ownerChecked))
    }

    /// `POST /secret/add`: registers an API key and its secret.
    public func addSecret(_ secret: NewSecret) async throws(CoinWeightError) {
        try await send(encoding { try .post("/secret/add", body: secret, errors: .secretAdd) })
    }

    /// `POST /secret/delete`: removes the owner's key for an exchange.
    public func deleteSecret(_ reference: SecretReference) async throws(CoinWeightError) {
        try await send(encoding { try .post("/secret/delete", body: reference, errors: .ownerChecked) })
    }
}
