import Foundation

/// The `sqlite3` command-line tool: the write limit the sync is compared with.
struct SQLiteCLI {
    private let sqlite3: Program

    /// Finds `sqlite3` on `PATH`.
    /// - Throws: ``BenchmarkError/programNotFound(_:)``.
    init() throws { sqlite3 = try Program("sqlite3") }

    /// `sqlite3 --version`.
    func version() throws -> String { try sqlite3.run(["--version"]).output }

    /// Creates `database` (SQLite's default rollback journal) with the statements of `schema`.
    func createDatabase(_ database: URL, schema: URL) throws {
        _ = try sqlite3.run([database.path, ".read '\(schema.path)'"])
    }

    /// Imports `csv` (a header line, then the columns in table order) into `"order"` of
    /// `database` with `.import --csv --skip 1`: one transaction.
    /// - Returns: the process wall time, launch and exit included.
    func importOrders(_ csv: URL, into database: URL) throws -> Duration {
        try sqlite3.run([database.path, ".import --csv --skip 1 '\(csv.path)' order"]).elapsed
    }

    /// `SELECT count(*) FROM "order"`.
    func countOrders(in database: URL) throws -> Int {
        let output = try sqlite3.run([database.path, #"SELECT count(*) FROM "order""#]).output
        guard let count = Int(output) else { throw BenchmarkError.unexpectedOutput("sqlite3 \(database.path) SELECT count(*)", output: output) }
        return count
    }
}
