import Foundation

/// A record an offline query prints: as JSON with the API's own field names (its `Encodable`
/// form), or as rows of a table for people.
protocol QueryRecord: Encodable {
    /// The table's column names.
    static var header: [String] { get }
    /// The record's rows in the table: one for most records, one per item for a group.
    var tableRows: [[String]] { get }
}

/// A value as one line of JSON: keys sorted, slashes not escaped, amounts as the exact
/// strings they are.
enum JSONLine {
    static func text(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
