import Foundation

/// JSON columns: sorted keys, so the same value is always the same text.
enum StoreJSON {
    /// One of each, shared: Foundation's coders are `Sendable`, and each call keeps its state
    /// to itself, so the outbox's paths need not build one per row.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
    private static let decoder = JSONDecoder()

    static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String, table: String, column: String) throws -> T {
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError.corruptValue(table: table, column: column, value: text)
        }
    }
}
