import CoinWeightTestSupport
import Foundation

/// Every `cwsync` command as the built binary describes itself (`--experimental-dump-help`),
/// so a sweep over them covers a subcommand added tomorrow without a table to update.
struct CommandTree {
    /// One command: `["store", "check"]`, its arguments, and whether it only groups others.
    struct Command: Sendable, CustomStringConvertible {
        var path: [String]
        var arguments: [Argument]
        var isGroup: Bool

        var description: String { (["cwsync"] + path).joined(separator: " ") }

        /// The options that take a value, by their long name (`--store`).
        var valueOptions: [Argument] { arguments.filter { $0.kind == "option" && $0.longName != nil } }

        /// Whether `--name` is one of its options or flags.
        func accepts(_ name: String) -> Bool { arguments.contains { $0.longName == name } }
    }

    /// An argument as the dump describes it.
    struct Argument: Decodable, Sendable {
        struct Name: Decodable, Sendable {
            var kind: String
            var name: String
        }

        /// `positional`, `option` or `flag`.
        var kind: String
        var names: [Name]?
        var valueName: String?
        var isOptional: Bool

        /// `--name`, when it has a long name.
        var longName: String? { names?.first { $0.kind == "long" }.map { "--\($0.name)" } }
    }

    /// The node of the dump: a command and the commands below it.
    private struct Node: Decodable {
        var commandName: String
        /// `false` for a hidden command, such as one that only says where it moved.
        var shouldDisplay: Bool?
        var arguments: [Argument]?
        var subcommands: [Node]?
    }

    private struct Dump: Decodable {
        var command: Node
    }

    /// Every command below `cwsync` (not `cwsync` itself) that `--help` shows, parents before children.
    let commands: [Command]

    /// Asks the built binary.
    init() async throws {
        let result = try await CWSyncBinary.run(["--experimental-dump-help"])
        let root = try JSONDecoder().decode(Dump.self, from: Data(result.out.utf8)).command
        func walk(_ node: Node, _ path: [String]) -> [Command] {
            let children = (node.subcommands ?? []).filter { $0.shouldDisplay != false }
            let here = path.isEmpty ? [] : [Command(path: path, arguments: node.arguments ?? [], isGroup: !children.isEmpty)]
            return here + children.flatMap { walk($0, path + [$0.commandName]) }
        }
        commands = walk(root, [])
    }
}
