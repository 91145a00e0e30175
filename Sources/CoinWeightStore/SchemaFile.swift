import Foundation

/// One numbered SQL file of `schema/`: `0001_initial.sql` is version 1, named "initial".
struct SchemaFile: Sendable, Equatable {
    var version: Int
    var name: String
    var sql: String

    /// The bundled `schema/` files, in version order.
    /// - Throws: ``StoreError/invalidSchemaFiles(_:)`` when none are found or versions skip.
    static func bundled() throws -> [SchemaFile] {
        guard let folder = Bundle.module.url(forResource: "schema", withExtension: nil) else {
            throw StoreError.invalidSchemaFiles("no schema folder in \(Bundle.module.bundlePath)")
        }
        return try load(from: folder)
    }

    /// The `NNNN_name.sql` files of `folder`, in version order, numbered 1, 2, 3... without gaps.
    static func load(from folder: URL) throws -> [SchemaFile] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }
        var files: [SchemaFile] = []
        for fileName in names {
            let stem = fileName.dropLast(4)
            guard let underscore = stem.firstIndex(of: "_"), let version = Int(stem[..<underscore]) else {
                throw StoreError.invalidSchemaFiles("\(fileName) is not named NNNN_name.sql")
            }
            let sql = try String(contentsOf: folder.appendingPathComponent(fileName), encoding: .utf8)
            files.append(SchemaFile(version: version, name: String(stem[stem.index(after: underscore)...]), sql: sql))
        }
        files.sort { $0.version < $1.version }
        guard !files.isEmpty, files.map(\.version) == Array(1...files.count) else {
            throw StoreError.invalidSchemaFiles("versions \(files.map(\.version)) in \(folder.path) must run 1, 2, 3... without gaps")
        }
        return files
    }
}
