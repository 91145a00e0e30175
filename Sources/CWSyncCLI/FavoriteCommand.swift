import ArgumentParser
import CoinWeightAPI
import CoinWeightStore
import CoinWeightSync

/// `cwsync favorite add|remove COUNTERPARTY SYMBOL`: queued in the outbox, shown in the
/// store at once, delivered by `cwsync sync` or a running `cwsync run`.
struct FavoriteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "favorite",
        abstract: "Queue a favorite to add or remove; works offline.",
        subcommands: [Add.self, Remove.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Queue adding a favorite market.")
        @OptionGroup var pair: PairArguments
        func run() async throws { try await pair.queue { .addFavorite($0) } }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Queue removing a favorite market.")
        @OptionGroup var pair: PairArguments
        func run() async throws { try await pair.queue { .deleteFavorite($0) } }
    }
}

/// A market pair on the command line, and where to queue a write about it.
struct PairArguments: ParsableArguments {
    @Argument(help: "The exchange, e.g. binance.") var counterParty: String
    @Argument(help: "The symbol, e.g. ETH-USDT.") var symbol: String
    @OptionGroup var options: WriteOptions

    /// Queues the write `make` builds for the logged-in user, and prints the entry's id.
    func queue(_ make: (MarketPair) -> OutboxWrite) async throws {
        try await options.queue { _, _ in make(MarketPair(counterParty: counterParty, symbol: symbol)) }
    }
}
