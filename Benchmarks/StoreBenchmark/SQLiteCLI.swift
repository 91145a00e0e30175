import Foundation

/// The `sqlite3` command-line tool: the baseline for the store's write rate and file size.
struct SQLiteCLI {
    private let command: Command

    /// Finds `sqlite3` on `PATH`.
    /// - Throws: ``BenchmarkError/programNotFound(_:)``.
    init() throws { command = try Command("sqlite3") }

    /// `sqlite3 --version`.
    func version() throws -> String {
        try command.run(["--version"]).output
    }

    /// Creates `database` (default rollback journal) by running the statements of `schema` in it.
    func createDatabase(at database: URL, schema: URL) throws {
        _ = try command.run([database.path], input: schema)
    }

    /// Runs `.import --csv --skip 1` of `csv` (a header line, then the columns in table order)
    /// into `table`: one transaction.
    /// - Returns: the process wall time, launch and exit included.
    func importCSV(_ csv: URL, into table: String, of database: URL) throws -> Duration {
        try command.run([database.path, ".import --csv --skip 1 '\(csv.path)' \(table)"]).elapsed
    }

    /// `SELECT count(*)` of `table`.
    func count(of table: String, in database: URL) throws -> Int {
        let output = try command.run([database.path, #"SELECT count(*) FROM "\#(table)""#]).output
        guard let count = Int(output) else {
            throw BenchmarkError.unexpectedOutput("sqlite3 \(database.path) SELECT count(*)", output: output)
        }
        return count
    }
}
