import CoinWeightTestSupport

/// Why a benchmark stopped, for the causes every benchmark shares; a benchmark's own causes
/// are errors of its own.
public enum BenchmarkError: Error, CustomStringConvertible {
    /// The command line is wrong: `message` says how, `usage` is the program's usage text.
    case usage(String, usage: String)
    /// `schema/0001_initial.sql` is not under the current directory: `program` was not run
    /// from the repository root.
    case schemaNotFound(currentDirectory: String, program: String)
    /// No folder of `PATH` holds the program.
    case programNotFound(String)
    /// A program did not exit with status 0.
    case commandFailed(String, exit: ChildProcess.Exit, output: String)
    /// A program printed something other than what was asked for.
    case unexpectedOutput(String, output: String)
    /// A database, or what the message names, holds another number of orders than expected.
    case rowCount(String, expected: Int, found: Int)
    /// The emulator process ended, or printed something else, before its base URL.
    case emulatorDidNotStart(String)

    public var description: String {
        switch self {
        case .usage(let message, let usage):
            "\(message)\n\(usage)"
        case .schemaNotFound(let folder, let program):
            "\(SchemaFile.initialPath) not found in \(folder): run \(program) from the repository root"
        case .programNotFound(let name):
            "\(name) not found on PATH (scripts/bootstrap installs curl and sqlite3)"
        case .commandFailed(let command, let exit, let output):
            "\(command) ended with \(exit): \(output)"
        case .unexpectedOutput(let command, let output):
            "\(command) printed \(output)"
        case .rowCount(let what, let expected, let found):
            "\(what) holds \(Format.grouped(found)) orders, not \(Format.grouped(expected))"
        case .emulatorDidNotStart(let output):
            "the emulator process did not print its base URL; it printed: \(output)"
        }
    }
}
