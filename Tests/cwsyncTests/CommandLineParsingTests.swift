import ArgumentParser
import CoinWeightSync
import Testing

@testable import CWSyncCLI

/// The command line parsed in process, as `cwsync` parses it, without a child process: which
/// command a line reaches with which values, and the message and exit status of a bad one.
/// The subprocess tests (`BadFlagTests`) check the same through the built binary.
@Suite("cwsync command lines, parsed in process")
struct CommandLineParsingTests {
    @Test("a line reaches its subcommand with the values it names, and the defaults for the rest")
    func parsesToCommands() throws {
        let sync = try #require(try CWSync.parseAsRoot(["sync", "favorites", "orderHistory"]) as? SyncCommand)
        #expect(sync.resources.map(\.resource) == [.favorites, .orderHistory])
        #expect(try #require(try CWSync.parseAsRoot(["sync"]) as? SyncCommand).resources.isEmpty, "no resource named: all of them")

        let orders = try #require(try CWSync.parseAsRoot(["orders", "--history", "--limit", "5", "--symbol", "ETH-USDT"]) as? OrdersCommand)
        #expect(orders.filters.history && !orders.filters.active && orders.limit == 5 && orders.filters.symbol == "ETH-USDT")
        #expect(try #require(try CWSync.parseAsRoot(["orders"]) as? OrdersCommand).limit == 50)

        let run = try #require(try CWSync.parseAsRoot(["run", "--interval", "30"]) as? RunCommand)
        #expect(run.interval == 30)
    }

    @Test("quickstart and emulator, which moved to cwsync-emulator, are hidden and say where they went, exit 64")
    func movedCommands() throws {
        let quickstart = try #require(try CWSync.parseAsRoot(["quickstart", "--seed-orders", "20"]) as? MovedQuickstartCommand)
        #expect(throws: ExitCode.validationFailure) { try quickstart.run() }
        #expect(MovedQuickstartCommand.message.contains("swift run cwsync-emulator quickstart"))
        let emulator = try #require(try CWSync.parseAsRoot(["emulator", "--port", "8080", "--tls"]) as? MovedEmulatorCommand)
        #expect(throws: ExitCode.validationFailure) { try emulator.run() }
        #expect(MovedEmulatorCommand.message.contains("swift run cwsync-emulator"))
        let help = CWSync.helpMessage()
        #expect(!help.contains("quickstart") && !help.contains("emulator"), "\(help)")
    }

    @Test(
        "a bad value is a usage error (exit 64) whose message names the problem",
        arguments: [
            (["run", "--interval=0"], "--interval must be 1 second or more"),
            (["orders", "--limit", "abc"], "The value 'abc' is invalid for '--limit <n>'"),
            (["sync", "bogus"], "The value 'bogus' is invalid for '<resources>'"),
            (["no-such-command"], "Unexpected argument 'no-such-command'"),
        ])
    func refusesBadValues(arguments: [String], expected: String) {
        #expect {
            _ = try CWSync.parseAsRoot(arguments)
        } throws: { error in
            CWSync.exitCode(for: error) == .validationFailure && CWSync.message(for: error).contains(expected)
        }
    }

    @Test("--help lists the subcommands in groups, each once")
    func groupedHelp() {
        let help = CWSync.helpMessage()
        for group in ["ACCOUNT", "SYNC", "WRITES", "OFFLINE QUERIES", "STORE"] {
            #expect(help.contains("\(group) SUBCOMMANDS:"), "no \(group) group in:\n\(help)")
        }
        let commands = CWSync.configuration.subcommands.filter { $0.configuration.shouldDisplay }.map { $0._commandName }
        #expect(commands.count == 24 && Set(commands).count == commands.count, "\(commands)")
        for command in commands {
            #expect(help.contains("  \(command) "), "\(command) is not in --help")
        }
    }
}
