import CoinWeightTestSupport
import Foundation

/// The emulator child process of a benchmark: this program again, with the hidden `--serve`
/// (which runs an ``EmulatorServer``), so that the emulator's memory and seeding stay out of
/// the benchmark process's own measurements (the processors are still shared).
public struct EmulatorProcess {
    /// The base URL it printed: `http://127.0.0.1:PORT/exp/v2`.
    public let baseURL: URL
    /// From launch to the URL line: seeding included.
    public let startup: Duration
    private let process: ChildProcess
    /// Where its standard output goes.
    private let output: URL

    /// Launches this program with ``BenchmarkMain/serveFlag`` and then `arguments` (the
    /// options the child needs for its emulator), and waits for its base URL. Its standard
    /// input is a pipe this object holds: when this process ends, however it ends, the child
    /// reads end of file and exits.
    /// - Throws: ``BenchmarkError/emulatorDidNotStart(_:)`` when it exits or prints something else first.
    public static func start(arguments: [String] = []) throws -> EmulatorProcess {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("cwsync-emulator-\(UUID().uuidString).out")
        let process = try ChildProcess.spawn(executablePath(), [BenchmarkMain.serveFlag] + arguments, holdingInputOpen: true, output: output)
        var printed = ""
        while !printed.contains("\n") && process.isRunning {
            usleep(2_000)
            printed = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        }
        let line = printed.trimmingCharacters(in: .whitespacesAndNewlines)
        guard line.hasPrefix("http://"), let url = URL(string: line) else {
            process.kill()
            try? FileManager.default.removeItem(at: output)
            throw BenchmarkError.emulatorDidNotStart(line.isEmpty ? "nothing" : line)
        }
        return EmulatorProcess(baseURL: url, startup: process.launched.duration(to: .now), process: process, output: output)
    }

    /// The child's peak RSS (`VmHWM`), while it runs.
    public var peakResidentBytes: Int64? { PeakMemory.highWaterBytes(of: String(process.pid)) }

    /// Sends SIGTERM (a graceful shutdown) and waits for the exit.
    public func stop() {
        process.send(SIGTERM)
        process.wait()
        try? FileManager.default.removeItem(at: output)
    }

    /// This program's file: `/proc/self/exe` resolved on Linux, else the first argument.
    private static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
