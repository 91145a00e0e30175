/// Why the benchmark stopped.
enum BenchmarkError: Error, CustomStringConvertible {
    /// The command line is wrong; the message says how.
    case usage(String)
    /// `schema/0001_initial.sql` is not under the current directory.
    case schemaNotFound(currentDirectory: String)
    /// No folder of `PATH` holds the program.
    case programNotFound(String)
    /// A program exited with a status other than 0.
    case commandFailed(String, status: Int32, output: String)
    /// A program printed something other than what was asked for.
    case unexpectedOutput(String, output: String)
    /// The emulator process ended, or printed something else, before its base URL.
    case emulatorDidNotStart(String)
    /// The sync did not end in `.synced`; the outcome says why.
    case syncFailed(String)
    /// Two counts of the same orders differ.
    case rowCount(String, expected: Int, found: Int)

    var description: String {
        switch self {
        case .usage(let message):
            "\(message)\n\(BenchmarkOptions.usage)"
        case .schemaNotFound(let folder):
            "schema/0001_initial.sql not found in \(folder): run sync-benchmark from the repository root"
        case .programNotFound(let name):
            "\(name) not found on PATH (scripts/bootstrap installs curl and sqlite3)"
        case .commandFailed(let command, let status, let output):
            "\(command) exited with status \(status): \(output)"
        case .unexpectedOutput(let command, let output):
            "\(command) printed \(output)"
        case .emulatorDidNotStart(let output):
            "the emulator process did not print its base URL; it printed: \(output)"
        case .syncFailed(let outcome):
            "the order history did not sync: \(outcome)"
        case .rowCount(let what, let expected, let found):
            "\(what): \(Format.grouped(found)) orders, not \(Format.grouped(expected))"
        }
    }
}
