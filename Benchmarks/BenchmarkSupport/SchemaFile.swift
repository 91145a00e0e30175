import Foundation

/// The schema both benchmarks build their `sqlite3` CLI database from: the repository's first
/// migration, read relative to the current directory.
public enum SchemaFile {
    /// The first migration's path from the repository root.
    public static let initialPath = "schema/0001_initial.sql"

    /// `schema/0001_initial.sql` under the current directory.
    /// - Throws: ``BenchmarkError/schemaNotFound(currentDirectory:program:)`` naming `program`
    ///   when it is not there.
    public static func initial(program: String) throws -> URL {
        let schema = URL(fileURLWithPath: initialPath)
        guard FileManager.default.fileExists(atPath: schema.path) else {
            throw BenchmarkError.schemaNotFound(currentDirectory: FileManager.default.currentDirectoryPath, program: program)
        }
        return schema
    }
}
