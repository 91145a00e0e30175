import CoinWeightStore

/// `cwsync outbox list`'s lines.
extension OutboxEntrySummary {
    /// The entry as one line of JSON.
    func jsonLine() throws -> String { try JSONLine.text(self) }

    /// The entries as an aligned table with a header.
    static func table(_ entries: [OutboxEntrySummary]) -> String {
        TextTable(
            header: ["ID", "UID", "KIND", "ENTITY", "STATE", "TRIES", "ERROR"],
            rows: entries.map { entry in
                [
                    String(entry.id), entry.uid, entry.kind, entry.entity, entry.state, String(entry.attempts),
                    [entry.errorCode.map { "\($0)" }, entry.errorMessage].compactMap { $0 }.joined(separator: " "),
                ]
            }
        ).text
    }
}
