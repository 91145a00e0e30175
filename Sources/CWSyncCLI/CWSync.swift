import ArgumentParser

/// `cwsync`: the offline-first data layer of the coin-weight client, from the shell.
package struct CWSync: AsyncParsableCommand {
    package init() {}

    /// This build's version, printed by `cwsync --version`.
    package static let version = "0.1.0"

    package static let configuration = CommandConfiguration(
        commandName: "cwsync",
        abstract: "Keep a local mirror of a coin-weight account, and work with it offline.",
        version: "cwsync \(version)",
        subcommands: [MovedQuickstartCommand.self, MovedEmulatorCommand.self],
        groupedSubcommands: [
            CommandGroup(name: "Account", subcommands: [LoginCommand.self, LogoutCommand.self, WhoamiCommand.self]),
            CommandGroup(name: "Sync", subcommands: [SyncCommand.self, RunCommand.self, StatusCommand.self, APIKeyCommand.self]),
            CommandGroup(
                name: "Writes",
                subcommands: [FavoriteCommand.self, OrderCommand.self, StrategyCommand.self, SecretCommand.self, OutboxCommand.self]),
            CommandGroup(
                name: "Offline queries",
                subcommands: [
                    OrdersCommand.self, PnLCommand.self, AccountCommand.self, FavoritesCommand.self, LayoutCommand.self, StrategiesCommand.self,
                    SecretsCommand.self, PositionsCommand.self, SymbolsCommand.self, MarketsCommand.self,
                ]),
            CommandGroup(name: "Store", subcommands: [ExportCommand.self, StoreCommand.self]),
        ]
    )
}
