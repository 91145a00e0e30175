import ArgumentParser
import CoinWeightAPI
import CoinWeightStore

/// `cwsync strategies`: the user's strategy items with their run status, from the store.
struct StrategiesCommand: QueryCommand {
    static let configuration = CommandConfiguration(
        commandName: "strategies", abstract: "List the user's strategies with their run status.",
        discussion: "With --json, each item as the API sends it, every field kept, with its \"status\" (running, stopped) added when the store has one.")

    @OptionGroup var query: QueryOptions<UserOption>

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
