import ArgumentParser

/// `cwsync`: the offline-first data layer of the coin-weight client, from the shell.
@main
struct CWSync: AsyncParsableCommand {
    /// This build's version, printed by `cwsync --version`.
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "cwsync",
        abstract: "Keep a local mirror of a coin-weight account, and work with it offline.",
        version: "cwsync \(version)",
        subcommands: [QuickstartCommand.self, EmulatorCommand.self, LoginCommand.self, LogoutCommand.self, WhoamiCommand.self, SyncCommand.self, RunCommand.self, StatusCommand.self, FavoriteCommand.self, OrderCommand.self, StrategyCommand.self, SecretCommand.self, OrdersCommand.self, FavoritesCommand.self, LayoutCommand.self, StrategiesCommand.self, SecretsCommand.self, PositionsCommand.self, SymbolsCommand.self, MarketsCommand.self, StoreCommand.self, OutboxCommand.self]
    )
}
