import ArgumentParser
import CoinWeightAPI
import CoinWeightStore
import Foundation

/// `cwsync account`: the user's account as the API last served it (estimated and available
/// value, net unit value, on orders, change) and the balances per exchange and currency, each
/// with the time of the sync it is from.
struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "Show the user's account values and balances, and when they were synced.",
        discussion: """
            With --json, one object: "userInfo" as the API sends it, "positions" as it sends them, and \
            "userInfoSyncedAt" and "positionsSyncedAt" in milliseconds since 1970 (null before the first sync).
            """)

    @OptionGroup var query: QueryOptions<UserOption>

    func run() async throws {
        try await query.withStore { store in
            let uid = try query.user()
            let view = AccountView(
                userInfo: try await store.read(.userInfo(uid: uid)), positions: try await store.read(.positions(uid: uid)),
                userInfoSyncedAt: try await store.read(.syncState("userInfo:\(uid)"))?.lastSuccessAt,
                positionsSyncedAt: try await store.read(.syncState("positions:\(uid)"))?.lastSuccessAt)
            if query.json {
                Console.out(try JSONLine.text(view))
            } else {
                Console.out(view.text(uid: uid))
            }
            if view.userInfo == nil && view.positions.isEmpty {
                Console.err("cwsync: nothing of uid \(uid)'s account is synced yet: run cwsync sync userInfo positions")
            }
        }
    }
}

/// What `cwsync account` shows: the user info and positions of one user, and their sync times.
struct AccountView: Encodable {
    var userInfo: UserInfo?
    var positions: [Position]
    var userInfoSyncedAt: Date?
    var positionsSyncedAt: Date?

    private enum CodingKeys: String, CodingKey { case userInfo, positions, userInfoSyncedAt, positionsSyncedAt }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(userInfo, forKey: .userInfo)
        try container.encode(positions, forKey: .positions)
        try container.encode(userInfoSyncedAt, forKey: .userInfoSyncedAt)
        try container.encode(positionsSyncedAt, forKey: .positionsSyncedAt)
    }

    /// The values as label and value lines, then the balances as a table.
    func text(uid: UserID) -> String {
        var lines: [String]
        if let info = userInfo {
            let values = [
                ("estimated value", info.estimatedValue), ("available value", info.availableValue), ("net unit value", info.netUnitValue),
                ("on orders", info.onOrders), ("change", "\(info.changePercentage) %"),
            ]
            lines = ["\(info.userName) (uid \(info.uid)), group \(info.group); synced \(Self.time(userInfoSyncedAt))"]
            lines.append(TextTable(header: [values[0].0, values[0].1], rows: values.dropFirst().map { [$0.0, $0.1] }).text)
        } else {
            lines = ["uid \(uid): no account values synced yet"]
        }
        lines.append("")
        lines.append("balances: synced \(Self.time(positionsSyncedAt))")
        lines.append(TextTable(header: Position.header, rows: positions.flatMap(\.tableRows)).text)
        return lines.joined(separator: "\n")
    }

    private static func time(_ date: Date?) -> String { date.map { "\($0)" } ?? "never" }
}
