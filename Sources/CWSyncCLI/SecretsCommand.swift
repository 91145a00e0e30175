import ArgumentParser
import CoinWeightAPI
import CoinWeightStore

/// `cwsync secrets`: an owner's exchange API keys, the secret masked as the server sent it.
struct SecretsCommand: QueryCommand {
    static let configuration = CommandConfiguration(
        commandName: "secrets", abstract: "List a trading account's exchange API keys (the secret masked; the store never holds it).")

    @OptionGroup var query: QueryOptions<OwnerOption>

    func records(in store: CoinWeightStore) async throws -> [SecretMetadata] { try await store.read(.secrets(owner: query.owner())) }
}

extension SecretMetadata: QueryRecord {
    static let header = ["COUNTERPARTY", "OWNER", "API-KEY", "SECRET"]
    var tableRows: [[String]] { [[counterParty, owner, apiKey, maskedSecretKey]] }
}
