import ArgumentParser
import CWSyncCLI

/// `cwsync-emulator`: a local emulator of the coin-weight API, and the quickstart that syncs a
/// first mirror from one. A tool of its own, so that the `cwsync` a user installs links none of it.
@main
struct CWSyncEmulator: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cwsync-emulator",
        abstract: "Run a local emulator of the coin-weight API, or a quickstart against one.",
        version: "cwsync-emulator \(CWSync.version)",
        subcommands: [ServeCommand.self, QuickstartCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}
