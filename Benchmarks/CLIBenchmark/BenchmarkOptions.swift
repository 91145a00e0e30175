import BenchmarkSupport
import CoinWeightEmulator
import Foundation

/// The command line of `cli-benchmark`.
struct BenchmarkOptions: EmulatorBenchmarkCommandLine {
    /// Orders of `SampleOrders` in the store the queries read.
    var orders = 1_000_000
    /// Timed runs of each command, after ``warmups`` untimed ones.
    var runs = 50
    /// Runs of each command before the timed ones, reported apart.
    var warmups = 3
    /// Runs of each query with the page cache of its files dropped first.
    var coldRuns = 3
    /// Orders of the store `cwsync export orders` writes out, all of owner `2`.
    var exportOrders = 1_000_000
    /// Seconds the idle daemon's memory is sampled, once a second.
    var idleSeconds = 30
    /// The `cwsync` binary measured.
    var cwsync = ".build/release/cwsync"
    /// The floor program measured beside the daemon.
    var floor = ".build/release/rss-floor"
    /// The Markdown report file.
    var out: String
    /// The folder for the stores and the commands' output; `nil` for a new temporary folder removed at the end.
    var work: String?

    /// The emulator of the child process: as it starts (users `abc` and `eve`, no orders).
    var emulator: EmulatorConfiguration { EmulatorConfiguration() }

    static let usage = """
        usage: cli-benchmark [--cwsync PATH] [--floor PATH] [--orders N] [--runs R] [--warmups W] [--cold-runs C] [--export-orders E] [--idle-seconds S] [--out FILE] [--work DIR]

        Times the cwsync command on this machine, in one run: R new processes of
        `cwsync orders --history --limit 50 --owner 2` (and the same with --json) on a store of N
        orders, launch to exit, after W warm-up runs and beside C runs with the page cache of the
        binary, its libraries and the store dropped first; then `cwsync run` against a local
        emulator (a child process) after its first sync: its RSS once a second for S seconds, its
        CPU time meanwhile, and how long it takes to exit on SIGTERM; and beside it, sampled the
        same way, rss-floor: a GRDB pool and one request with the default transport, at rest.
        Run it from the repository root with release builds:

          swift build -c release --product cwsync && swift build -c release --product rss-floor \\
            && swift build -c release --product cli-benchmark && .build/release/cli-benchmark

          --cwsync PATH     the binary measured (default .build/release/cwsync)
          --floor PATH      the floor program (default .build/release/rss-floor)
          --orders N        orders in the queried store (default 1000000)
          --runs R          timed runs of each command (default 50)
          --warmups W       untimed runs before them (default 3)
          --cold-runs C     runs with the page cache dropped (default 3)
          --export-orders E orders of the store cwsync export orders writes out as csv,
                            jsonl and trades (default 1000000)
          --idle-seconds S  seconds the idle daemon is sampled (default 30)
          --out FILE        the Markdown report (default Benchmarks/Results/cli-<yyyy-mm-dd>.md, UTC)
          --work DIR        where the stores and outputs go, kept afterwards (default: a new
                            temporary folder, removed at the end)
        """

    static func parse(_ arguments: [String], today: Date) throws -> BenchmarkOptions? {
        try ArgumentReader.parse(arguments, usage: usage, into: BenchmarkOptions(out: defaultReport("cli", today: today))) { options, option, value, reader in
            switch option {
            case "--orders": options.orders = try reader.positive(value, of: option)
            case "--runs": options.runs = try reader.positive(value, of: option)
            case "--warmups": options.warmups = try reader.positive(value, of: option)
            case "--cold-runs": options.coldRuns = try reader.positive(value, of: option)
            case "--export-orders": options.exportOrders = try reader.positive(value, of: option)
            case "--idle-seconds": options.idleSeconds = try reader.positive(value, of: option)
            case "--cwsync": options.cwsync = value
            case "--floor": options.floor = value
            case "--out": options.out = value
            case "--work": options.work = value
            default: throw reader.unknown(option)
            }
        }
    }
}
