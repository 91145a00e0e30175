import Foundation

/// A program on `PATH`, run to its exit: `sqlite3`, `uname`, `nproc`.
struct Command {
    /// The program's path.
    let executable: String

    /// The program `name` in the first folder of `PATH` that holds it.
    /// - Throws: ``BenchmarkError/programNotFound(_:)``.
    init(_ name: String) throws {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let path = folders.map({ "\($0)/\(name)" }).first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw BenchmarkError.programNotFound(name)
        }
        executable = path
    }

    /// Runs the program with `arguments`, reading `input` when given.
    /// - Returns: its standard output and error together, trimmed, and the wall time from just
    ///   before launch to its exit.
    /// - Throws: ``BenchmarkError/commandFailed(_:status:output:)`` when it exits with a status other than 0.
    func run(_ arguments: [String], input: URL? = nil) throws -> (output: String, elapsed: Duration) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        if let input { process.standardInput = try FileHandle(forReadingFrom: input) }
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let elapsed = start.duration(to: clock.now)
        let output = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0 else {
            throw BenchmarkError.commandFailed(([executable] + arguments).joined(separator: " "), status: process.terminationStatus, output: output)
        }
        return (output, elapsed)
    }
}
