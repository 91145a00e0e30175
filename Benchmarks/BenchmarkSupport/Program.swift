import CoinWeightTestSupport
import Foundation

/// A program on `PATH` (`sqlite3`, `curl`, `uname`, `nproc`), run to its exit.
public struct Program: Sendable {
    /// The program's path.
    public let path: String

    /// Finds `name` in the first folder of `PATH` that holds it.
    /// - Throws: ``BenchmarkError/programNotFound(_:)``.
    public init(_ name: String) throws {
        let folders = ProcessInfo.processInfo.environment["PATH", default: "/usr/bin:/bin"].split(separator: ":")
        guard let found = folders.lazy.map({ "\($0)/\(name)" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw BenchmarkError.programNotFound(name)
        }
        path = found
    }

    /// Runs the program with `arguments`, its standard input read from `input` when given.
    /// - Returns: what it wrote to standard output and error together, trimmed, and its wall
    ///   time from just before launch to its exit.
    /// - Throws: ``BenchmarkError/commandFailed(_:exit:output:)`` unless it exits with status 0.
    public func run(_ arguments: [String], input: URL? = nil) throws -> (output: String, elapsed: Duration) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("cwsync-program-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: output) }
        let (exit, elapsed) = try ChildProcess.run(path, arguments, input: input, output: output, errors: output)
        let text = ((try? String(contentsOf: output, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard exit == .status(0) else {
            throw BenchmarkError.commandFailed(([path] + arguments).joined(separator: " "), exit: exit, output: text)
        }
        return (text, elapsed)
    }
}
