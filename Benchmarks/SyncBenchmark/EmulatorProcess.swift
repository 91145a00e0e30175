import BenchmarkSupport
import Foundation

/// The emulator child process: this program again, with `--serve`.
struct EmulatorProcess {
    /// The base URL it printed: `http://127.0.0.1:PORT/exp/v2`.
    let baseURL: URL
    /// From launch to the URL line: mostly seeding the orders.
    let startup: Duration
    private let process: Process
    /// The child's standard input, held open: when this process ends, however it ends, the
    /// child reads end of file and exits.
    private let lifeline: Pipe

    /// Launches `sync-benchmark --serve --orders orders` and waits for its base URL.
    /// - Throws: ``SyncBenchmarkError/emulatorDidNotStart(_:)`` when it exits or prints something else first.
    static func start(orders: Int) throws -> EmulatorProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executablePath())
        process.arguments = ["--serve", "--orders", String(orders)]
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
            throw SyncBenchmarkError.emulatorDidNotStart(line.isEmpty ? "nothing" : line)
        }
        return EmulatorProcess(baseURL: url, startup: start.duration(to: clock.now), process: process, lifeline: lifeline)
    }

    /// The child's peak RSS (`VmHWM`), while it runs.
    var peakResidentBytes: Int64? { PeakMemory.highWaterBytes(of: String(process.processIdentifier)) }

    /// Sends SIGTERM (a graceful shutdown) and waits for the exit.
    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? lifeline.fileHandleForWriting.close()
    }

    /// This program's file: `/proc/self/exe` resolved on Linux, else the first argument.
    private static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
