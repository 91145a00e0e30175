import Foundation

/// One numbered SQL file of `schema/`: `0001_initial.sql` is version 1, named "initial".
struct SchemaFile: Sendable, Equatable {
    var version: Int
    var name: String
    var sql: String

    /// The `schema/` files compiled into the library, in version order.
    /// - Throws: ``StoreError/invalidSchemaFiles(_:)`` when none are there or versions skip.
    static func embedded() throws -> [SchemaFile] {
        try parse(EmbeddedSchema.files.map { (fileName: $0.fileName, sql: $0.text) }, in: "the schema compiled into CoinWeightStore")
    }

    /// The `NNNN_name.sql` files of `folder`, in version order, numbered 1, 2, 3... without gaps.
    static func load(from folder: URL) throws -> [SchemaFile] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }
        let files = try names.map { name in (fileName: name, sql: try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) }
        return try parse(files, in: folder.path)
    }

    /// Numbers `files` by their names, in version order.
    /// - Parameter place: where they come from, for the error.
    private static func parse(_ files: [(fileName: String, sql: String)], in place: String) throws -> [SchemaFile] {
        var parsed: [SchemaFile] = []
        for (fileName, sql) in files {
            let stem = fileName.dropLast(4)
            guard fileName.hasSuffix(".sql"), let underscore = stem.firstIndex(of: "_"), let version = Int(stem[..<underscore]) else {
                throw StoreError.invalidSchemaFiles("\(fileName) is not named NNNN_name.sql")
            }
            parsed.append(SchemaFile(version: version, name: String(stem[stem.index(after: underscore)...]), sql: sql))
        }
        parsed.sort { $0.version < $1.version }
        guard !parsed.isEmpty, parsed.map(\.version) == Array(1...parsed.count) else {
            throw StoreError.invalidSchemaFiles("versions \(parsed.map(\.version)) in \(place) must run 1, 2, 3... without gaps")
        }
        return parsed
    }
}
