import Foundation

/// The built `cwsync` executable, run as a user runs it.
public enum CWSyncBinary {
    /// The `cwsync` executable beside the running test bundle in the build folder.
    /// - Throws: ``Missing`` when it was not built.
    public static func url() throws -> URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if folder.pathExtension == "xctest" || folder.path.contains(".xctest/") {
            while folder.pathExtension != "xctest" { folder.deleteLastPathComponent() }
            folder.deleteLastPathComponent()
        }
        let binary = folder.appendingPathComponent("cwsync")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw Missing(folder: folder.path) }
        return binary
    }

    /// Starts `cwsync arguments`, with its standard output and error on pipes.
    public static func launch(_ arguments: [String]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = try url()
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    /// Runs `cwsync arguments` to its end.
    /// - Returns: its exit status, standard output and standard error.
    public static func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let (process, out, err) = try launch(arguments)
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }

    /// Runs `cwsync arguments` with `input` on its standard input, to its end.
    public static func run(_ arguments: [String], input: String) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = try url()
        process.arguments = arguments
        let stdin = Pipe(), out = Pipe(), err = Pipe()
        process.standardInput = stdin
        process.standardOutput = out
        process.standardError = err
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }

    /// Runs `cwsync arguments` (with `input` on its standard input, when given) to its end on a
    /// thread of its own: an in-process emulator it may talk to answers on this process's
    /// concurrency pool, which a blocking wait must not hold.
    public static func runOffPool(_ arguments: [String], input: String? = nil) async throws -> (status: Int32, out: String, err: String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try input.map { try run(arguments, input: $0) } ?? run(arguments) })
            }
        }
    }

    /// Waits for `process` to end on a thread of its own, for the same reason.
    public static func waitOffPool(for process: Process) async {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                process.waitUntilExit()
                continuation.resume()
            }
        }
    }

    /// The first line a process writes to `pipe`, without its end; `nil` if it ends first.
    public static func firstLine(of pipe: Pipe) async throws -> String? {
        try await Task.detached { () -> String? in
            var bytes = Data()
            while let byte = try pipe.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) { bytes += byte }
            return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
        }.value
    }

    /// No `cwsync` was built beside the tests.
    public struct Missing: Error, CustomStringConvertible {
        public let folder: String
        public var description: String { "no cwsync in \(folder): run swift build first" }
    }
}
