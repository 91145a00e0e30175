import ArgumentParser
import CoinWeightAPI
import CoinWeightStore

/// `cwsync symbols`: every exchange's symbols and their order limits, from the store.
struct SymbolsCommand: QueryCommand {
    static let configuration = CommandConfiguration(
        commandName: "symbols", abstract: "List each exchange's symbols with their price and quantity limits.",
        discussion: "With --json, one exchange per line as the API sends it: {\"counterParty\":...,\"symbols\":[...]}.")

    @OptionGroup var query: QueryOptions<NoAccount>

    func records(in store: CoinWeightStore) async throws -> [CounterPartySymbols] { try await store.read(.symbols) }
}

extension CounterPartySymbols: QueryRecord {
    static let header = ["COUNTERPARTY", "SYMBOL", "BASE", "QUOTE", "PRICE-DECIMALS", "QTY-DECIMALS", "QTY-MIN", "QTY-MAX"]
    var tableRows: [[String]] {
        symbols.map {
            [counterParty, $0.name, $0.base, $0.quote, String($0.priceDecimal), String($0.quantityDecimal), "\($0.quantityMin)", "\($0.quantityMax)"]
        }
    }
}
