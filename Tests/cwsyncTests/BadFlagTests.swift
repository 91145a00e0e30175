import CoinWeightTestSupport
import Foundation
import Testing

/// Every `cwsync` command and subcommand, as the built binary lists them, given an unknown
/// flag, an option without its value and values of the wrong kind: argument-parser's usage
/// error on standard error, whose first line names the problem, exit status 64, nothing on
/// standard output, and the store given with `--store` exactly as it was, nothing beside it.
@Suite("cwsync bad flags")
struct BadFlagTests {
    /// A valid value for each kind of required argument, by its value name, so that the bad
    /// flag is the only thing wrong with a command line.
    static let sampleValues = [
        "user": "abc", "counter-party": "okcoin", "symbol": "BTC-USDT", "side": "BID", "type": "LIMIT", "decimal": "1", "id": "1",
        "path": "-", "key": "api-key", "kind": "professional", "position": "1",
    ]

    /// What a command needs besides its required arguments to pass its own validation, which
    /// argument-parser runs before it reports an unknown option.
    static let validationExtras = ["order update": ["--price", "1"]]

    /// An `order create` line, valid but for what the arguments change.
    static func orderCreate(side: String = "BID", type: String = "LIMIT", price: String = "1") -> [String] {
        ["order", "create", "--counter-party", "okcoin", "--symbol", "BTC-USDT", "--side", side, "--type", type, "--price", price, "--quantity", "1"]
    }

    /// Values of the wrong kind or out of range, and what the first line must say.
    /// (`orders` filters and `layout <kind>` are in ``QueryCommandTests``.)
    static let badValues: [([String], String)] = [
        (["sync", "bogus"], "The value 'bogus' is invalid for '<resources>'"),
        (["sync", "favorites", "Favorites"], "The value 'Favorites' is invalid for '<resources>'"),
        (["sync", "--endpoint", "ftp://api.coin-weight.com/exp/v2"], "is not an http(s) URL"),
        (["run", "--interval", "abc"], "The value 'abc' is invalid for '--interval <interval>'"),
        (["run", "--interval", "-1"], "'--interval <interval>'"),
        (["run", "--interval=0"], "--interval must be 1 second or more"),
        (["orders", "--limit", "abc"], "The value 'abc' is invalid for '--limit <n>'"),
        (["sync", "--transport", "curl"], "The value 'curl' is invalid for '--transport <transport>'"),
        (["sync", "--transport", "urlsession", "--ca-file", "/etc/passwd"], "--ca-file needs --transport asynchttpclient"),
        (["sync", "--ca-file", "/nonexistent/ca.pem"], "--ca-file /nonexistent/ca.pem is not a file this user can read"),
        (["sync", "--ca-file", "/etc/passwd"], "/etc/passwd holds no PEM certificate this client can read"),
        (["outbox", "retry", "abc"], "The value 'abc' is invalid for '<id>'"),
        (["outbox", "drop", "1.5"], "The value '1.5' is invalid for '<id>'"),
        (["outbox", "list", "--state", "bogus"], "unknown state bogus"),
        (orderCreate(side: "UP"), "The value 'UP' is invalid for '--side <side>'"),
        (orderCreate(type: "STOP"), "The value 'STOP' is invalid for '--type <type>'"),
        (orderCreate(price: "1e5"), "'1e5' is invalid for '--price <decimal>'"),
        (orderCreate() + ["--valid-for", "0"], "--valid-for must be a positive number of seconds"),
        (["order", "update", "1"], "give --price, --quantity or both"),
        (["order", "update", "1", "--quantity", "NaN"], "'NaN' is invalid for '--quantity <decimal>'"),
        (["layout", "set", "professional", "0", "okcoin", "BTC-USDT"], "position 0 is not in the professional layout"),
        (["layout", "set", "simple", "first", "okcoin", "BTC-USDT"], "The value 'first' is invalid for '<position>'"),
    ]

    /// One command line of the sweep; `{store}` stands for the store's path.
    struct Case: Sendable, CustomStringConvertible {
        var arguments: [String]
        /// What the first line of standard error must contain.
        var expected: String

        var description: String { arguments.joined(separator: " ") }
    }

    @Test("every command and subcommand: one usage line naming the problem, exit 64, nothing printed, the store untouched")
    func sweep() async throws {
        let tree = try await CommandTree()
        let names = Set(tree.commands.map(\.description))
        for command in ["sync", "run", "store check", "favorite add", "order create", "strategy leave", "outbox drop", "layout set"] {
            #expect(names.contains("cwsync \(command)"), "the dump lists cwsync \(command)")
        }
        let cases = Self.cases(tree)
        #expect(cases.count >= 2 * tree.commands.count + Self.badValues.count, "\(cases.count) command lines for \(tree.commands.count) commands")
        try await withTemporaryDirectory { folder in
            let template = folder.appendingPathComponent("template/cwsync.sqlite")
            try await SampleStore.make(at: template.path)
            let runs = try Array(cases.enumerated()).map { index, line in
                let caseFolder = folder.appendingPathComponent("case-\(index)")
                try FileManager.default.createDirectory(at: caseFolder, withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: template, to: caseFolder.appendingPathComponent("cwsync.sqlite"))
                return (line, caseFolder)
            }
            try await CWSyncBinary.sweep(runs) { line, caseFolder in
                let before = FolderSnapshot(caseFolder)
                let store = caseFolder.appendingPathComponent("cwsync.sqlite").path
                let run = try await CWSyncBinary.run(line.arguments.map { $0 == "{store}" ? store : $0 })
                let first = run.errorLines.first.map(String.init) ?? ""
                #expect(run.status == 64 && !run.killed && run.out.isEmpty, "\(line): exit \(run.status)\n\(run.out)\(run.err)")
                #expect(first.hasPrefix("Error: ") && first.contains(line.expected), "\(line): \(run.err)")
                let after = FolderSnapshot(caseFolder)
                #expect(after == before, "\(line) changed \(after.changes(since: before))")
            }
        }
        print("bad flags: \(cases.count) command lines over \(tree.commands.count) commands")
    }

    /// For every command: an unknown flag and an option without its value; for every one
    /// with `--log-level`, a level that does not exist; then ``badValues``.
    static func cases(_ tree: CommandTree) -> [Case] {
        var cases: [Case] = []
        for command in tree.commands {
            let store = command.accepts("--store") ? ["--store", "{store}"] : []
            let required = requiredArguments(of: command) + (validationExtras[command.path.joined(separator: " ")] ?? [])
            cases.append(
                Case(
                    arguments: command.path + required + ["--no-such-flag"] + store,
                    expected: command.isGroup ? "Error: " : "Unknown option '--no-such-flag'"))
            if let option = command.valueOptions.last, let name = option.longName {
                let others = option.isOptional ? required : requiredArguments(of: command, leaving: name)
                cases.append(
                    Case(
                        arguments: command.path + others + (name == "--store" ? [] : store) + [name],
                        expected: "Missing value for '\(name) <\(option.valueName ?? "")>'"))
            }
            if command.accepts("--log-level") {
                cases.append(
                    Case(
                        arguments: command.path + required + store + ["--log-level", "loud"],
                        expected: "The value 'loud' is invalid for '--log-level <log-level>'"))
            }
        }
        for (arguments, expected) in badValues {
            let command = tree.commands.filter { arguments.starts(with: $0.path) }.max { $0.path.count < $1.path.count }
            cases.append(Case(arguments: arguments + (command?.accepts("--store") == true ? ["--store", "{store}"] : []), expected: expected))
        }
        return cases
    }

    /// The required arguments of `command` (but the option `leaving`), with valid values.
    static func requiredArguments(of command: CommandTree.Command, leaving: String? = nil) -> [String] {
        command.arguments.filter { !$0.isOptional && $0.kind != "flag" && ($0.longName == nil || $0.longName != leaving) }.flatMap { argument -> [String] in
            guard let value = sampleValues[argument.valueName ?? ""] else {
                Issue.record("\(command): no sample value for <\(argument.valueName ?? "?")>: add one to sampleValues")
                return []
            }
            return argument.kind == "positional" ? [value] : [argument.longName ?? "", value]
        }
    }
}

/// `cwsync --version`: one line, exit 0.
@Suite("cwsync --version")
struct VersionTests {
    @Test("prints `cwsync VERSION` and exits 0, touching no store")
    func version() async throws {
        let run = try await CWSyncBinary.run(["--version"], environment: ["CWSYNC_STORE": "/nonexistent/cwsync.sqlite"])
        #expect(run.status == 0 && run.err.isEmpty && run.out.firstMatch(of: /^cwsync \d+\.\d+\.\d+\n$/) != nil, "\(run.out)\(run.err)")
    }
}
