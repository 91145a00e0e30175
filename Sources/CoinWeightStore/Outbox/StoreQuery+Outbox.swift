public import CoinWeightAPI
import Foundation
import GRDB

extension StoreQuery {
    /// The outbox entries of `uid` (every account's when `nil`), oldest first; `states`
    /// narrows them (all by default).
    public static func outbox(uid: UserID? = nil, states: Set<OutboxState>? = nil) -> StoreQuery<[OutboxEntry]> {
        var conditions = ["1"]
        var arguments: StatementArguments = []
        if let uid {
            conditions.append("uid = ?")
            arguments += [uid.rawValue]
        }
        if let states {
            conditions.append("state IN (\(states.map { _ in "?" }.joined(separator: ", ")))")
            arguments += StatementArguments(states.map(\.rawValue).sorted())
        }
        let sql = "SELECT \(OutboxEntry.columns) FROM outbox WHERE \(conditions.joined(separator: " AND ")) ORDER BY id"
        return StoreQuery<[OutboxEntry]> { [arguments] db in try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map(OutboxEntry.init(row:)) }
    }

    /// The server ids of what delivered creates made (orders, strategy items): never adopted
    /// by another create.
    public static var createdServerIDs: StoreQuery<Set<String>> {
        StoreQuery<Set<String>> { db in Set(try String.fetchAll(db, sql: "SELECT server_id FROM local_id")) }
    }

    /// The server id that replaced local id `localID` once its create was delivered, if it was.
    public static func serverID(forLocalID localID: String) -> StoreQuery<String?> {
        StoreQuery<String?> { db in try String.fetchOne(db, sql: "SELECT server_id FROM local_id WHERE local_id = ?", arguments: [localID]) }
    }

    /// What changes when a write is queued or settled, by this process or another: the
    /// newest entry's id and how many are pending.
    public static var outboxMark: StoreQuery<[Int64]> {
        StoreQuery<[Int64]> { db in
            let row = try Row.fetchOne(db, sql: "SELECT coalesce(max(id), 0), (SELECT count(*) FROM outbox WHERE state = 'pending') FROM outbox")
            return [row?[0] ?? 0, row?[1] ?? 0]
        }
    }

    /// One outbox entry, to follow a write from queued to delivered.
    public static func outboxEntry(id: Int64) -> StoreQuery<OutboxEntry?> {
        StoreQuery<OutboxEntry?> { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT \(OutboxEntry.columns) FROM outbox WHERE id = ?"), arguments: [id]).map(OutboxEntry.init(row:))
        }
    }
}

extension OutboxEntry {
    static let columns = """
        id, uid, payload_json, state, created_at, attempts, next_attempt_at, error_code, error_message, result_json,
        deadline_at, first_sent_at, resolve_until, failure_json
        """

    init(row: Row) throws {
        let state: String = row[3]
        guard let parsed = OutboxState(rawValue: state) else { throw StoreError.corruptValue(table: "outbox", column: "state", value: state) }
        let result: String? = row[9]
        self.init(
            id: row[0], uid: UserID(row[1] as String),
            write: try StoreJSON.decode(OutboxWrite.self, row[2], table: "outbox", column: "payload_json"),
            state: parsed, createdAt: Date(millisecondsSince1970: row[4]), attempts: row[5], nextAttemptAt: Date(millisecondsSince1970: row[6]),
            errorCode: row[7], errorMessage: row[8], coalesced: result?.contains(#""coalesced":true"#) ?? false,
            deadline: (row[10] as Int64?).map(Date.init(millisecondsSince1970:)),
            firstSentAt: (row[11] as Int64?).map(Date.init(millisecondsSince1970:)),
            resolveUntil: (row[12] as Int64?).map(Date.init(millisecondsSince1970:)),
            failure: (row[13] as String?).flatMap { try? StoreJSON.decode(OutboxFailure.self, $0, table: "outbox", column: "failure_json") })
    }
}
