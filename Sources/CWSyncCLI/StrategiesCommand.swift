import ArgumentParser
import CoinWeightAPI
import CoinWeightStore

/// `cwsync strategies`: the user's strategy items with their run status, from the store; with
/// `--templates`, the strategy types and the defaults a new item of each starts from.
struct StrategiesCommand: QueryCommand {
    static let configuration = CommandConfiguration(
        commandName: "strategies", abstract: "List the user's strategies with their run status, or the strategy templates.",
        discussion: """
            With --json, each item as the API sends it, every field kept, with its "status" (running, stopped) added when the \
            store has one; with --templates, each template as the API sends it ("name" and "default").
            """)

    @Flag(help: "List the strategy types with their default parameters (the same for every user) instead.") var templates = false
    @OptionGroup var query: QueryOptions<UserOption>

    func validate() throws {
        if templates, query.who.uid != nil { throw ValidationError("--templates are the same for every user: leave out --uid.") }
    }

    func run() async throws {
        guard templates else { return try await query.withStore { store in try query.print(try await records(in: store)) } }
        try await query.withStore { store in try query.print(try await store.read(.strategyTemplates)) }
    }

    func records(in store: CoinWeightStore) async throws -> [Mirrored<StrategyLine>] {
        let uid = try query.user()
        let statuses = Dictionary(try await store.read(.strategyStatuses(uid: uid)).map { ($0.id, $0.status) }, uniquingKeysWith: { first, _ in first })
        return try await store.read(.strategyItems(uid: uid).withPending()).map { row in
            Mirrored(StrategyLine(item: row.value, status: row.id.flatMap { statuses[$0] }), pending: row.pending)
        }
    }
}

/// A strategy item and its run status: the item's own fields, plus `status`.
struct StrategyLine: QueryRecord {
    var item: StrategyItem
    var status: StrategyRunState?

    private enum CodingKeys: String, CodingKey { case status }

    func encode(to encoder: any Encoder) throws {
        try item.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(status, forKey: .status)
    }

    static let header = ["ID", "NAME", "TYPE", "EXCHANGE", "OWNER", "SYMBOLS", "STATUS"]
    var tableRows: [[String]] {
        [
            [
                item.id ?? "-", item.name, item.strategyType, item.exchange, item.owner ?? "-",
                item.symbols.map { $0.symbol ?? "?" }.joined(separator: ","), status?.rawValue ?? "-",
            ]
        ]
    }
}

extension StrategyTemplate: QueryRecord {
    static let header = ["TEMPLATE", "NAME", "EXCHANGE", "OWNER", "SYMBOLS"]
    var tableRows: [[String]] {
        [[name, defaultItem.name, defaultItem.exchange, defaultItem.owner ?? "-", defaultItem.symbols.map { $0.symbol ?? "?" }.joined(separator: ",")]]
    }
}
