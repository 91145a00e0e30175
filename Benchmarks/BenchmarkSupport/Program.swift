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
    /// - Throws: ``BenchmarkError/commandFailed(_:status:output:)`` for an exit status other than 0.
    public func run(_ arguments: [String], input: URL? = nil) throws -> (output: String, elapsed: Duration) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        if let input { process.standardInput = try FileHandle(forReadingFrom: input) }
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let elapsed = start.duration(to: clock.now)
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0 else {
            throw BenchmarkError.commandFailed(([path] + arguments).joined(separator: " "), status: process.terminationStatus, output: text)
        }
        return (text, elapsed)
    }
}
