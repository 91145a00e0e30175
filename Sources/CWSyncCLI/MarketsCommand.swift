import ArgumentParser
import CoinWeightAPI
import CoinWeightStore

/// `cwsync markets`: the market tabs, the user's (favorites flagged) or the defaults.
struct MarketsCommand: QueryCommand {
    static let configuration = CommandConfiguration(
        commandName: "markets", abstract: "List the market tabs and their symbols, favorites flagged.",
        discussion: "With --json, one tab per line as the API sends it: {\"category\":...,\"items\":[...]}.")

    @OptionGroup var query: QueryOptions<ScopeOption>

    func records(in store: CoinWeightStore) async throws -> [MarketCategory] { try await store.read(.markets(scope: query.scope())) }
}

extension MarketCategory: QueryRecord {
    static let header = ["CATEGORY", "COUNTERPARTY", "SYMBOL", "FAVORITE"]
    var tableRows: [[String]] { items.map { [category, $0.counterParty, $0.symbol, $0.favorite ? "yes" : "no"] } }
}
