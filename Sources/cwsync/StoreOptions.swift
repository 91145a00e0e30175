import ArgumentParser
import CoinWeightStore

/// Where the store is, for the subcommands that open it.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store file.", valueName: "path"))
    var store: String = StoreLocation.defaultPath()

    /// Opens the store, creating it when missing.
    func open() throws -> CoinWeightStore { try CoinWeightStore(path: store) }
}
