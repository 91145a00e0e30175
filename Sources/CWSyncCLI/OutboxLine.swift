import CoinWeightAPI
import CoinWeightStore
import Foundation

/// One outbox entry as `cwsync outbox list` prints it.
struct OutboxLine: Encodable {
    var id: Int64
    var uid: String
    var kind: String
    var entity: String
    var state: String
    var attempts: Int
    var createdAt: Int64
    var deadline: Int64?
    var errorCode: Int?
    var errorMessage: String?

    init(_ entry: OutboxEntry) {
        id = entry.id
        uid = entry.uid.rawValue
        kind = entry.write.kind
        entity = entry.write.entity
        state = entry.state.rawValue + (entry.coalesced ? " (folded)" : "")
        attempts = entry.attempts
        createdAt = entry.createdAt.millisecondsSince1970
        deadline = entry.deadline?.millisecondsSince1970
        errorCode = entry.errorCode
        errorMessage = entry.errorMessage
    }

    /// The entry as one line of JSON.
    func jsonLine() throws -> String { try JSONLine.text(self) }

    /// The entries as an aligned table with a header.
    static func table(_ lines: [OutboxLine]) -> String {
        TextTable(
            header: ["ID", "UID", "KIND", "ENTITY", "STATE", "TRIES", "ERROR"],
            rows: lines.map { line in
                [
                    String(line.id), line.uid, line.kind, line.entity, line.state, String(line.attempts),
                    [line.errorCode.map { "\($0)" }, line.errorMessage].compactMap { $0 }.joined(separator: " "),
                ]
            }
        ).text
    }
}
