import Foundation

/// The built `cwsync` executable (or `cwsync-emulator`), run as a user runs it, through ``ChildProcess``.
///
/// Its standard output and error go to files, never pipes: a chatty child (a daemon at trace
/// level) can never fill a pipe nobody reads and stall, and nothing is read twice.
public enum CWSyncBinary {
    /// The executables of this package a test runs.
    public enum Executable: String, Sendable {
        /// The command a user installs.
        case cwsync
        /// The emulator and the quickstart.
        case emulator = "cwsync-emulator"
    }

    /// The `executable` beside the running test bundle in the build folder.
    /// - Throws: ``Missing`` when it was not built.
    public static func url(_ executable: Executable = .cwsync) throws -> URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if folder.pathExtension == "xctest" || folder.path.contains(".xctest/") {
            while folder.pathExtension != "xctest" { folder.deleteLastPathComponent() }
            folder.deleteLastPathComponent()
        }
        let binary = folder.appendingPathComponent(executable.rawValue)
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw Missing(executable: executable.rawValue, folder: folder.path) }
        return binary
    }

    /// Starts `cwsync arguments` (or another of the package's executables), its output in files of a folder of its own.
    /// - Parameter environment: variables added to this process's environment.
    public static func launch(
        _ arguments: [String], of executable: Executable = .cwsync, environment: [String: String] = [:], input: String? = nil
    ) throws -> LaunchedCWSync {
        try LaunchedCWSync(binary: url(executable), arguments: arguments, environment: environment, input: input)
    }

    /// Runs `cwsync arguments` to its end, waiting off the concurrency pool (an in-process
    /// emulator it may talk to answers on that pool, which a blocking wait must not hold).
    /// - Parameters:
    ///   - input: what its standard input reads (else nothing).
    ///   - environment: variables added to this process's environment.
    ///   - deadline: it is killed if still running then: a command that should answer at once
    ///     must not hang a test. A safety net, not a measure of speed.
    public static func run(
        _ arguments: [String], of executable: Executable = .cwsync, input: String? = nil, environment: [String: String] = [:],
        deadline: Duration = .seconds(300)
    ) async throws -> CWSyncRun {
        let child = try launch(arguments, of: executable, environment: environment, input: input)
        let killer = Task {
            try await Task.sleep(for: deadline)
            child.process.send(SIGKILL)
        }
        defer { killer.cancel() }
        return await child.finished()
    }

    /// No such executable was built beside the tests.
    public struct Missing: Error, CustomStringConvertible {
        public let executable: String
        public let folder: String
        public var description: String { "no \(executable) in \(folder): run swift build first" }
    }
}

/// What one run of the built `cwsync` printed, and how it ended.
public struct CWSyncRun: Sendable {
    /// The exit status; `128 + N` when signal `N` ended it.
    public var status: Int32
    public var out: String
    public var err: String
    /// Whether it was killed at its deadline.
    public var killed: Bool

    /// The lines of standard error, without empty ones.
    public var errorLines: [Substring] { err.split(separator: "\n") }
}

/// A `cwsync` started with ``CWSyncBinary/launch(_:environment:input:)``: its output so far,
/// its first line, and ways to end it. End every one (``terminate()``, ``finished()`` or
/// ``kill()``): that also removes its files.
public final class LaunchedCWSync: Sendable {
    /// The child process.
    public let process: ChildProcess
    private let folder: URL
    private var outputFile: URL { folder.appendingPathComponent("out") }
    private var errorFile: URL { folder.appendingPathComponent("err") }

    init(binary: URL, arguments: [String], environment: [String: String], input: String?) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cwsync-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let inputFile = folder.appendingPathComponent("in")
        if let input { try Data(input.utf8).write(to: inputFile) }
        do {
            process = try ChildProcess.spawn(
                binary.path, arguments, environment: environment.isEmpty ? nil : ChildProcess.environment(adding: environment),
                input: input == nil ? nil : inputFile, output: folder.appendingPathComponent("out"), errors: folder.appendingPathComponent("err"))
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }

    /// What it wrote to standard output so far.
    public var output: String { (try? String(contentsOf: outputFile, encoding: .utf8)) ?? "" }
    /// What it wrote to standard error so far.
    public var errors: String { (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "" }

    /// The first line it writes to standard output, without its end.
    /// - Throws: ``NoFirstLine`` (with what it wrote on standard error) when it ends first,
    ///   ``ConditionTimedOut`` when it writes none within `timeout`.
    public func firstLine(timeout: Duration = .seconds(120)) async throws -> String {
        var line: String?
        try await waitUntil(timeout: timeout, "a first line from cwsync") {
            if let end = output.firstIndex(of: "\n") {
                line = String(output[..<end])
                return true
            }
            return !process.isRunning
        }
        guard let line else { throw NoFirstLine(exit: process.exit, errors: errors) }
        return line
    }

    /// Waits for its end and gathers what it printed; removes its files.
    public func finished() async -> CWSyncRun {
        let exit = await process.exited()
        defer { try? FileManager.default.removeItem(at: folder) }
        let status: Int32 =
            switch exit {
            case .status(let status): status
            case .signal(let signal): 128 + signal
            }
        return CWSyncRun(status: status, out: output, err: errors, killed: exit == .signal(SIGKILL))
    }

    /// Sends SIGTERM and waits for its end; SIGKILL if it has not ended after `bound` (a
    /// safety net: the exit then says it was killed).
    /// - Returns: how long it took to end, its exit, and everything it wrote on standard error.
    public func terminate(bound: Duration = .seconds(120)) async -> (took: Duration, exit: ChildProcess.Exit, log: String) {
        let stopping = ContinuousClock.now
        process.send(SIGTERM)
        let killer = Task { [process] in
            try await Task.sleep(for: bound)
            process.send(SIGKILL)
        }
        defer { killer.cancel() }
        let run = await finished()
        return (ContinuousClock.now - stopping, process.exit ?? .status(run.status), run.err)
    }

    /// The pid written into the store's daemon lock file (`<store>.lock`) equals this process's:
    /// a `cwsync run` has claimed `store`.
    public func holdsLock(of store: String) -> Bool {
        (try? String(contentsOfFile: store + ".lock", encoding: .utf8)) == "\(process.pid)\n"
    }

    /// SIGKILL, reaped at once, its files removed: for the clean-up path of a test that
    /// stopped half-way. Does nothing once it has ended.
    public func kill() {
        process.kill()
        try? FileManager.default.removeItem(at: folder)
    }
}

/// A launched `cwsync` ended before it wrote a line.
public struct NoFirstLine: Error, CustomStringConvertible {
    public let exit: ChildProcess.Exit?
    public let errors: String
    public var description: String { "cwsync ended (\(exit.map(String.init(describing:)) ?? "?")) before a first line: \(errors)" }
}
