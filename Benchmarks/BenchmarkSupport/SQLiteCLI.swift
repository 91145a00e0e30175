import Foundation

/// The `sqlite3` command-line tool: the write rate and file size a benchmark compares with.
public struct SQLiteCLI: Sendable {
    private let sqlite3: Program

    /// Finds `sqlite3` on `PATH`.
    /// - Throws: ``BenchmarkError/programNotFound(_:)``.
    public init() throws { sqlite3 = try Program("sqlite3") }

    /// `sqlite3 --version`.
    public func version() throws -> String { try sqlite3.run(["--version"]).output }

    /// Creates `database` (SQLite's default rollback journal) by running the statements of `schema` in it.
    public func createDatabase(_ database: URL, schema: URL) throws {
        _ = try sqlite3.run([database.path], input: schema)
    }

    /// Imports `csv` (a header line, then the columns in table order, as ``OrderCSV`` writes it)
    /// into `"order"` of `database` with `.import --csv --skip 1`: one transaction.
    /// - Returns: the process wall time, launch and exit included.
    public func importOrders(_ csv: URL, into database: URL) throws -> Duration {
        try sqlite3.run([database.path, ".import --csv --skip 1 '\(csv.path)' order"]).elapsed
    }

    /// `SELECT count(*) FROM "order"`.
    /// - Throws: ``BenchmarkError/unexpectedOutput(_:output:)`` when it prints no number.
    public func countOrders(in database: URL) throws -> Int {
        let output = try sqlite3.run([database.path, #"SELECT count(*) FROM "order""#]).output
        guard let count = Int(output) else { throw BenchmarkError.unexpectedOutput("sqlite3 \(database.path) SELECT count(*)", output: output) }
        return count
    }
}
