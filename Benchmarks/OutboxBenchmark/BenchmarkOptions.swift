import BenchmarkSupport
import CoinWeightEmulator
import Foundation

/// The command line of `outbox-benchmark`.
struct BenchmarkOptions: EmulatorBenchmarkCommandLine {
    /// Writes queued with `Outbox.enqueue`, one durable transaction each.
    var enqueues = 5_000
    /// Writes delivered with `Outbox.deliver`, and sent again as raw client requests.
    var deliveries = 1_000
    /// The Markdown report file.
    var out: String
    /// The folder for the two store files; `nil` for a new temporary folder removed at the end.
    var work: String?
    /// Orders placed over loopback TLS, and sent as raw HTTPS POSTs, for the placement latency.
    var placements = 200
    /// The client's transport: `asynchttpclient` (pooled connections) or `urlsession`.
    var transport = "asynchttpclient"

    /// The emulator of the child process: as it starts (users `abc` and `eve`, no orders).
    var emulator: EmulatorConfiguration { EmulatorConfiguration() }

    static let usage = """
        usage: outbox-benchmark [--enqueues N] [--deliveries M] [--placements P] [--transport T] [--out FILE] [--work DIR]

        Times the outbox of user abc on this machine, in one run: N durable enqueues of distinct
        favorites into a fresh store file, one transaction each; then M favorite writes delivered
        to a local emulator (run as a child process) beside the same M writes sent as raw
        sequential client requests, round by round. Reports enqueues/s, deliveries/s, requests/s,
        their ratio and the store's commits per write. Run it from the repository root in a
        release build:

          swift build -c release --product outbox-benchmark && .build/release/outbox-benchmark

          --enqueues N    writes to queue (default 5000)
          --deliveries M  writes to deliver, and to send as raw requests (default 1000)
          --placements P  orders placed over loopback TLS, beside raw HTTPS POSTs (default 200)
          --transport T   asynchttpclient (one pool of kept-alive connections, the default) or
                          urlsession (every write on a fresh connection)
          --out FILE      the Markdown report (default Benchmarks/Results/outbox-<yyyy-mm-dd>.md, UTC)
          --work DIR      where the store files go, kept afterwards (default: a new temporary
                          folder, removed at the end)
        """

    static func parse(_ arguments: [String], today: Date) throws -> BenchmarkOptions? {
        try ArgumentReader.parse(arguments, usage: usage, into: BenchmarkOptions(out: defaultReport("outbox", today: today))) {
            options, option, value, reader in
            switch option {
            case "--enqueues": options.enqueues = try reader.positive(value, of: option)
            case "--deliveries": options.deliveries = try reader.positive(value, of: option)
            case "--out": options.out = value
            case "--work": options.work = value
            case "--placements": options.placements = try reader.positive(value, of: option)
            case "--transport":
                guard ["asynchttpclient", "urlsession"].contains(value) else {
                    throw reader.error("--transport takes asynchttpclient or urlsession, not \(value)")
                }
                options.transport = value
            default: throw reader.unknown(option)
            }
        }
    }
}
