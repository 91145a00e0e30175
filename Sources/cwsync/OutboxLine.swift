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
    func jsonLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// The entries as an aligned table with a header.
    static func table(_ lines: [OutboxLine]) -> String {
        let header = ["ID", "UID", "KIND", "ENTITY", "STATE", "TRIES", "ERROR"]
        let rows = lines.map { line in
            [String(line.id), line.uid, line.kind, line.entity, line.state, String(line.attempts),
             [line.errorCode.map { "\($0)" }, line.errorMessage].compactMap { $0 }.joined(separator: " ")]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }
}
