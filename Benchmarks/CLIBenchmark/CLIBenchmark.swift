import BenchmarkSupport
import CoinWeightAPI
import CoinWeightStore
import CoinWeightTestSupport
import Foundation

/// `cli-benchmark`: the `cwsync` command on this machine, in one run: the launch-to-exit time
/// of an offline history query on a million orders, and the memory and CPU of `cwsync run`
/// at rest.
///
/// `cwsync` is the release binary of `--cwsync`, run as new processes. The emulator the daemon
/// syncs from runs in a child process (this program again, with the hidden `--serve`). The
/// Markdown report goes to standard output and to `--out`; progress goes to standard error.
/// Run it from the repository root.
@main
struct CLIBenchmark {
    /// The program's name, in its messages and its temporary folder.
    static let program = "cli-benchmark"

    /// Orders per store transaction while the store is built: the sync engine's transaction size.
    static let ordersPerTransaction = 5_000

    static func main() async {
        await BenchmarkMain.runWithEmulator(program, options: BenchmarkOptions.self) { options in try await run(options) }
    }

    /// Builds the store, times the queries, measures the daemon, and returns the Markdown report.
    static func run(_ options: BenchmarkOptions) async throws -> String {
        let started = Date()
        let startLoad = MachineInfo.loadAverage()
        let machine = try MachineInfo.current(sqlite3: try SQLiteCLI())
        let source = SourceRevision.current()
        let work = try WorkFolder(path: options.work, program: program)
        defer { work.removeIfTemporary() }
        let cwsync = try CWSyncBinary(path: options.cwsync, work: work)

        Console.progress("store: \(Format.grouped(options.orders)) orders of SampleOrders, \(Format.grouped(ordersPerTransaction)) per transaction")
        let storeFile = try work.freshFile("orders.sqlite")
        let store = try CoinWeightStore(path: storeFile.path)
        let orders = SampleOrders.make(count: options.orders)
        for first in stride(from: 0, to: orders.count, by: ordersPerTransaction) {
            _ = try await store.write { try $0.upsertOrders(orders[first..<min(first + ordersPerTransaction, orders.count)]) }
        }
        let ownOrders = orders.count { $0.owner == "2" }
        try store.close()
        let storeBytes = WorkFolder.size(of: storeFile)

        let query = ["orders", "--history", "--limit", "50", "--store", storeFile.path, "--owner", "2"]
        let commands = [["--help"], query, query + ["--json"]]
        var launches: [LaunchTimes] = []
        for arguments in commands {
            Console.progress("launch: \(cwsync.command(arguments)), \(options.warmups) + \(options.runs) runs")
            launches.append(try LaunchTimes.measure(arguments, on: cwsync, warmups: options.warmups, runs: options.runs))
        }
        let jsonLines = try cwsync.outputOf(query + ["--json"]).split(separator: "\n").count
        let spawn = try LaunchTimes.measure("/bin/true", warmups: options.warmups, runs: options.runs) { try ChildProcess.run("/bin/true", []).elapsed }

        Console.progress("cold: \(options.coldRuns) runs of each query with the page cache dropped")
        let cache = try PageCache(binary: cwsync.path, store: storeFile)
        var coldRuns: [ColdRun] = []
        for arguments in [query, query + ["--json"]] {
            for _ in 0..<options.coldRuns { coldRuns.append(try ColdRun.run(arguments, on: cwsync, cache: cache)) }
        }

        Console.progress("export: \(Format.grouped(options.exportOrders)) orders of owner 2 into a store of their own")
        let exports = try await ExportMeasurement.run(cwsync: cwsync, work: work, count: options.exportOrders)

        Console.progress("emulator: starting a child process")
        let emulator = try EmulatorProcess.start()
        defer { emulator.stop() }
        Console.progress("daemon: login, cwsync run --interval 60, waiting for its first sync")
        let daemon = try await DaemonMeasurement.run(cwsync: cwsync, endpoint: emulator.baseURL, work: work, idleSeconds: options.idleSeconds)
        Console.progress("floor: \(options.floor) on a fresh database, one request to the emulator")
        let floor = try await FloorMeasurement.run(floor: options.floor, endpoint: emulator.baseURL, work: work, idleSeconds: options.idleSeconds)

        return BenchmarkReport(
            date: started, commandLine: CommandLine.arguments.joined(separator: " "), machine: machine, source: source,
            options: options, loadAverages: (startLoad, MachineInfo.loadAverage()), orders: orders.count, ownOrders: ownOrders,
            storeBytes: storeBytes, spawn: spawn, launches: launches, jsonLines: jsonLines, cache: cache, coldRuns: coldRuns, exports: exports, daemon: daemon,
            floor: floor
        ).markdown
    }
}
