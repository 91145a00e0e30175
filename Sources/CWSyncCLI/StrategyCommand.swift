import ArgumentParser
import CoinWeightAPI
import CoinWeightStore
import CoinWeightSync
import Foundation

/// `cwsync strategy create|update|delete|start|stop|leave`: strategy writes, queued in the
/// outbox, shown in the store at once, delivered by `cwsync sync` or a running `cwsync run`.
struct StrategyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "strategy",
        abstract: "Queue a strategy item to create, change, delete, start, stop or leave; works offline.",
        discussion: """
            An item file is a strategy item as the API writes it (one line of `cwsync strategies --json` will do: its "status" is left out). \
            A new item shows in `cwsync strategies` at once under a local id (local-…), which the other subcommands may name until the \
            server's id replaces it.
            """,
        subcommands: [
            Create.self, Update.self, StrategyActionCommand<Delete>.self, StrategyActionCommand<Start>.self,
            StrategyActionCommand<Stop>.self, StrategyActionCommand<Leave>.self,
        ]
    )

    /// `cwsync strategy create --file ITEM.json`.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Queue a new strategy item (an id in the file is ignored).")
        @OptionGroup var file: ItemFile

        func run() async throws {
            try await file.options.run { mirror, uid in
                let (entry, localID) = try await mirror.createStrategy(try file.item())
                Console.out("queued as outbox entry \(entry), strategy \(localID)")
            }
        }
    }

    /// `cwsync strategy update --file ITEM.json`: the item replaces the one with its id.
    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Queue replacing a strategy item with the file's; the file names it by its id (the server's, or a local id).")
        @OptionGroup var file: ItemFile

        func run() async throws {
            try await file.options.queue { mirror, uid in
                let item = try file.item()
                guard let id = item.id else { throw WriteRefusal("the item in \(file.file) has no \"id\": say which strategy it replaces") }
                _ = try await StrategyCommand.stored(id, uid: uid, in: mirror.store)
                return .updateStrategy(item)
            }
        }
    }

    /// `cwsync strategy delete|start|stop|leave ID` (``StrategyActionCommand``).
    enum Delete: StrategyActionName { static let action = StrategyAction.delete }
    enum Start: StrategyActionName { static let action = StrategyAction.start }
    enum Stop: StrategyActionName { static let action = StrategyAction.stop }
    enum Leave: StrategyActionName { static let action = StrategyAction.leave }

    /// Item `id` of `uid` as the store holds it: by its server id, or by the local id its
    /// create printed, before or after the server's id replaced it.
    /// - Throws: ``WriteRefusal`` when the store does not have it.
    static func stored(_ id: String, uid: UserID, in store: CoinWeightStore) async throws -> StrategyItem {
        let current = try await store.read(.serverID(forLocalID: id)) ?? id
        guard let item = try await store.read(.strategyItems(uid: uid)).first(where: { $0.id == current }) else {
            throw WriteRefusal("strategy \(id) is not in the store: sync, then name an item that `cwsync strategies` lists")
        }
        return item
    }
}

/// `cwsync strategy delete|start|stop|leave ID`: a write about one item, as the store holds it.
struct StrategyActionCommand<Name: StrategyActionName>: AsyncParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: Name.action.rawValue, abstract: Name.action.abstract) }

    @Argument(help: "The strategy's id, as `cwsync strategies` lists it (the server's, or a local id).") var id: String
    @OptionGroup var options: WriteOptions

    func run() async throws {
        try await options.queue { mirror, uid in Name.action.write(try await StrategyCommand.stored(id, uid: uid, in: mirror.store)) }
    }
}

/// What `strategy delete|start|stop|leave` queue.
enum StrategyAction: String, Sendable {
    case delete, start, stop, leave

    var abstract: String {
        switch self {
        case .delete: "Queue deleting a strategy item."
        case .start: "Queue starting a strategy, as the store holds it."
        case .stop: "Queue stopping a strategy and cancelling its orders."
        case .leave: "Queue stopping a strategy and leaving its orders as they are."
        }
    }

    func write(_ item: StrategyItem) -> OutboxWrite {
        switch self {
        case .delete: .deleteStrategy(id: item.id ?? "")
        case .start: .startStrategy(item)
        case .stop: .stopStrategy(item)
        case .leave: .leaveStrategy(item)
        }
    }
}

/// A ``StrategyAction`` as a type, so that each is a subcommand of its own.
protocol StrategyActionName {
    static var action: StrategyAction { get }
}

/// `--file`: a strategy item as JSON, from a file or standard input; and where to queue it.
struct ItemFile: ParsableArguments {
    @Option(help: ArgumentHelp("The item as JSON; - reads standard input.", valueName: "path")) var file: String
    @OptionGroup var options: WriteOptions

    /// The item in the file. The `status` that `cwsync strategies --json` adds is not part of
    /// an item and is left out.
    /// - Throws: ``WriteRefusal`` when the file cannot be read or is not a strategy item.
    func item() throws -> StrategyItem {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: file) else { throw WriteRefusal("cannot read \(file)") }
            data = contents
        }
        do {
            var item = try JSONDecoder().decode(StrategyItem.self, from: data)
            item.extraFields["status"] = nil
            return item
        } catch let error as DecodingError {
            throw WriteRefusal("\(file) is not a strategy item: \(Self.describe(error))")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.isEmpty ? "the top level" : context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\"\(key.stringValue)\" is missing" + (context.codingPath.isEmpty ? "" : " in \(path(context))")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context)) has the wrong type"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not JSON" : "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
