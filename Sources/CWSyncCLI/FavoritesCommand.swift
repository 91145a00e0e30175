import ArgumentParser
import CoinWeightAPI
import CoinWeightStore

/// `cwsync favorites`: the user's favorite symbols, from the store.
struct FavoritesCommand: QueryCommand {
    static let configuration = CommandConfiguration(commandName: "favorites", abstract: "List the user's favorite symbols, in the server's order.")

    @OptionGroup var query: QueryOptions<UserOption>

    func records(in store: CoinWeightStore) async throws -> [Mirrored<MarketItem>] {
        try await store.read(.favorites(uid: query.user()).withPending())
    }
}

extension MarketItem: QueryRecord {
    static let header = ["COUNTERPARTY", "SYMBOL"]
    var tableRows: [[String]] { [[counterParty, symbol]] }
}
