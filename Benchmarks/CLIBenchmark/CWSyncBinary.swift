import BenchmarkSupport
import CoinWeightTestSupport
import Foundation

/// The `cwsync` binary measured, run as new processes whose output goes to files of the work folder.
struct CWSyncBinary {
    /// The binary's path, as given.
    let path: String
    /// Where each command's standard output and error go, replaced by every run.
    let output: URL
    let errors: URL
    /// The work folder's path, left out of the commands a report shows.
    private let folder: String

    /// - Throws: ``CLIBenchmarkError/binaryNotFound(_:)`` when `path` is not an executable file.
    init(path: String, work: WorkFolder) throws {
        guard FileManager.default.isExecutableFile(atPath: path) else { throw CLIBenchmarkError.binaryNotFound(path) }
        self.path = path
        folder = work.url.path + "/"
        output = work.file("cwsync.out")
        errors = work.file("cwsync.err")
    }

    /// Runs `cwsync arguments` to its exit, standard input from `input`.
    /// - Returns: the wall time from just before launch to the exit.
    /// - Throws: ``CLIBenchmarkError/commandFailed(_:exit:errors:)`` unless it exits with status 0.
    @discardableResult
    func run(_ arguments: [String], input: URL? = nil) throws -> Duration {
        let (exit, elapsed) = try ChildProcess.run(path, arguments, input: input, output: output, errors: errors)
        guard exit == .status(0) else { throw CLIBenchmarkError.commandFailed(command(arguments), exit: exit, errors: lastErrors) }
        return elapsed
    }

    /// Runs `cwsync arguments` to its exit and returns its standard output.
    func outputOf(_ arguments: [String]) throws -> String {
        try run(arguments)
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }

    /// Starts `cwsync arguments` (a daemon), its output and errors to `log`.
    func spawn(_ arguments: [String], log: URL) throws -> ChildProcess {
        try ChildProcess.spawn(path, arguments, output: log, errors: log)
    }

    /// What the last command wrote to standard error.
    var lastErrors: String {
        ((try? String(contentsOf: errors, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `cwsync arguments` as one line, for reports and errors, files of the work folder by their names.
    func command(_ arguments: [String]) -> String {
        (["cwsync"] + arguments).joined(separator: " ").replacingOccurrences(of: folder, with: "")
    }
}
