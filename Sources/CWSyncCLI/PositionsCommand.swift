import ArgumentParser
import CoinWeightAPI
import CoinWeightStore

/// `cwsync positions`: the user's balances per exchange and currency, from the store.
struct PositionsCommand: QueryCommand {
    static let configuration = CommandConfiguration(commandName: "positions", abstract: "List the user's balances per exchange and currency.")

    @OptionGroup var query: QueryOptions<UserOption>

    func records(in store: CoinWeightStore) async throws -> [Position] { try await store.read(.positions(uid: query.user())) }
}

extension Position: QueryRecord {
    static let header = ["COUNTERPARTY", "CURRENCY", "TOTAL", "USED", "AVAILABLE"]
    var tableRows: [[String]] { [[counterParty, currency, totalAmount.text, usedAmount.text, availableAmount.text]] }
}
