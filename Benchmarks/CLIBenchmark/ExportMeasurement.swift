import BenchmarkSupport
import CoinWeightAPI
import CoinWeightStore
import CoinWeightTestSupport
import Foundation

/// `cwsync export orders` on a store whose orders all belong to owner `2`: for each format,
/// launch to exit, rows per second, the file's size, and the peak RSS of the process
/// (`VmHWM`, read every 10 ms while it runs: the last reading before it exits).
struct ExportMeasurement {
    /// One export.
    struct Run {
        var format: String
        var elapsed: Duration
        var lines: Int
        var fileBytes: Int64
        var peakResident: Int64?
    }

    /// How often `VmHWM` is read.
    static let sampleInterval = Duration.milliseconds(10)

    var orders: Int
    var filled: Int
    var storeBytes: Int64
    var runs: [Run]

    /// Builds the store of `count` orders of `SampleOrders` (every one given owner `2`), then
    /// exports it in each format.
    static func run(cwsync: CWSyncBinary, work: WorkFolder, count: Int) async throws -> ExportMeasurement {
        let storeFile = try work.freshFile("export.sqlite")
        let store = try CoinWeightStore(path: storeFile.path)
        var orders = SampleOrders.make(count: count, seed: 3)
        for index in orders.indices { orders[index].owner = "2" }
        for first in stride(from: 0, to: orders.count, by: CLIBenchmark.ordersPerTransaction) {
            _ = try await store.write { [orders] in try $0.upsertOrders(orders[first..<min(first + CLIBenchmark.ordersPerTransaction, orders.count)]) }
        }
        try store.close()
        let filled = orders.count { $0.filledQuantity.value > 0 }
        orders = []

        var runs: [Run] = []
        for format in ["csv", "jsonl", "trades"] {
            let output = work.file("export.\(format)")
            let arguments = ["export", "orders", "--format", format, "--owner", "2", "--store", storeFile.path, "--output", output.path]
            Console.progress("export: \(cwsync.command(arguments))")
            let start = ContinuousClock.now
            let process = try cwsync.spawn(arguments, log: work.file("export.log"))
            var peak: Int64?
            while process.isRunning {
                peak = PeakMemory.highWaterBytes(of: String(process.pid)) ?? peak
                try await Task.sleep(for: sampleInterval)
            }
            let elapsed = start.duration(to: .now)
            guard process.exit == .status(0) else {
                throw CLIBenchmarkError.commandFailed(
                    cwsync.command(arguments), exit: process.wait(), errors: (try? String(contentsOf: work.file("export.log"), encoding: .utf8)) ?? "")
            }
            let lines = try Self.lineCount(output) - (format == "jsonl" ? 0 : 1)
            runs.append(Run(format: format, elapsed: elapsed, lines: lines, fileBytes: WorkFolder.size(of: output), peakResident: peak))
            try? FileManager.default.removeItem(at: output)
        }
        return ExportMeasurement(orders: count, filled: filled, storeBytes: WorkFolder.size(of: storeFile), runs: runs)
    }

    /// Newlines in `file`, read in blocks.
    private static func lineCount(_ file: URL) throws -> Int {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        var count = 0
        while let block = try handle.read(upToCount: 1 << 20), !block.isEmpty { count += block.count { $0 == 10 } }
        return count
    }
}
