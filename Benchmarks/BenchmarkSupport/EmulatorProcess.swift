import Foundation

/// The emulator child process of a benchmark: this program again, with the hidden `--serve`
/// (which runs an ``EmulatorServer``), so that the emulator's memory and seeding stay out of
/// the benchmark process's own measurements (the processors are still shared).
public struct EmulatorProcess {
    /// The base URL it printed: `http://127.0.0.1:PORT/exp/v2`.
    public let baseURL: URL
    /// From launch to the URL line: seeding included.
    public let startup: Duration
    private let process: Process
    /// The child's standard input, held open: when this process ends, however it ends, the
    /// child reads end of file and exits.
    private let lifeline: Pipe

    /// Launches this program with ``BenchmarkMain/serveFlag`` and then `arguments` (the
    /// options the child needs for its emulator), and waits for its base URL.
    /// - Throws: ``BenchmarkError/emulatorDidNotStart(_:)`` when it exits or prints something else first.
    public static func start(arguments: [String] = []) throws -> EmulatorProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executablePath())
        process.arguments = [BenchmarkMain.serveFlag] + arguments
        let output = Pipe()
        let lifeline = Pipe()
        process.standardOutput = output
        process.standardInput = lifeline
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        var printed = Data()
        while !printed.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed += chunk
        }
        let line = String(decoding: printed, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard line.hasPrefix("http://"), let url = URL(string: line) else {
            if process.isRunning { process.terminate() }
            throw BenchmarkError.emulatorDidNotStart(line.isEmpty ? "nothing" : line)
        }
        return EmulatorProcess(baseURL: url, startup: start.duration(to: clock.now), process: process, lifeline: lifeline)
    }

    /// The child's peak RSS (`VmHWM`), while it runs.
    public var peakResidentBytes: Int64? { PeakMemory.highWaterBytes(of: String(process.processIdentifier)) }

    /// Sends SIGTERM (a graceful shutdown) and waits for the exit.
    public func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? lifeline.fileHandleForWriting.close()
    }

    /// This program's file: `/proc/self/exe` resolved on Linux, else the first argument.
    private static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
