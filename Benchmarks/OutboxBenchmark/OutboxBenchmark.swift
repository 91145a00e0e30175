import BenchmarkSupport
import CoinWeightAPI
import CoinWeightHTTPClient
import CoinWeightStore
import CoinWeightSync
import Foundation

/// `outbox-benchmark`: durable enqueues per second into a store file, and deliveries per
/// second to a local emulator beside raw client requests of the same writes, in one run.
///
/// The emulator runs in a child process (this program again, with the hidden `--serve`). The
/// Markdown report goes to standard output and to `--out`; progress and warnings go to
/// standard error. Run it from the repository root in a release build.
@main
struct OutboxBenchmark {
    /// The program's name, in its messages and its temporary folder.
    static let program = "outbox-benchmark"

    /// The user whose writes are queued and delivered: `abc`, uid 2.
    static let credentials = Credentials(userName: "abc", password: "abc_password")

    static func main() async {
        await BenchmarkMain.runWithEmulator(program, options: BenchmarkOptions.self) { options in try await run(options) }
    }

    /// Runs the enqueues, the deliveries through a transport that answers at once, the
    /// deliveries to the emulator beside the raw requests, and the store probes, as `options`
    /// say, and returns the Markdown report.
    static func run(_ options: BenchmarkOptions) async throws -> String {
        let started = Date()
        let startLoad = MachineInfo.loadAverage()
        let work = try WorkFolder(path: options.work, program: program)
        defer { work.removeIfTemporary() }
        let machine = try MachineInfo.current(sqlite3: try SQLiteCLI())
        let source = SourceRevision.current()

        Console.progress("emulator: starting a child process")
        let emulator = try EmulatorProcess.start()
        defer { emulator.stop() }
        let transport = TimedTransport(wrapping: options.transport == "urlsession" ? URLSessionTransport() : try AsyncHTTPClientTransport())
        let client = try CoinWeightClient(baseURL: emulator.baseURL, transport: transport)
        let uid = try await client.login(credentials).uid

        Console.progress("enqueue: \(Format.grouped(options.enqueues)) favorites into a fresh store")
        let enqueueStore = try CoinWeightStore(path: try work.freshFile("enqueue.sqlite").path)
        let enqueue = try await EnqueueMeasurement.run(count: options.enqueues, outbox: Outbox(client: client, store: enqueueStore), uid: uid)
        try enqueueStore.close()

        let pairs = try await client.symbols().flatMap { config in config.symbols.map { MarketPair(counterParty: config.counterParty, symbol: $0.name) } }
        let schedule = FavoriteSchedule(pairs: pairs, count: options.deliveries)
        Console.progress(
            "delivery: \(Format.grouped(options.deliveries)) writes over \(pairs.count) pairs in \(schedule.rounds.count) rounds, "
                + "through a transport that answers at once")
        let instantTransport = TimedTransport(wrapping: ReplayTransport())
        let instantClient = try CoinWeightClient(baseURL: emulator.baseURL, transport: instantTransport, authToken: client.authToken)
        let instantStore = try CoinWeightStore(path: try work.freshFile("instant.sqlite").path)
        try await syncSymbols(into: instantStore, client: client, uid: uid)
        let instant = try await DeliveryMeasurement.run(
            schedule, outbox: Outbox(client: instantClient, store: instantStore), transport: instantTransport, uid: uid)
        try instantStore.close()

        Console.progress("delivery: the same writes to the emulator, beside raw requests")
        let favoritesBefore = try await favorites(of: uid, on: client)
        let deliveryStore = try CoinWeightStore(path: try work.freshFile("delivery.sqlite").path)
        try await syncSymbols(into: deliveryStore, client: client, uid: uid)
        let delivery = try await DeliveryMeasurement.run(schedule, outbox: Outbox(client: client, store: deliveryStore), transport: transport, uid: uid)
        let expected = schedule.applied(to: favoritesBefore)
        let favoritesAfter = try await favorites(of: uid, on: client)
        guard favoritesAfter == expected else { throw OutboxBenchmarkError.favoritesDiffer(expected: expected.count, found: favoritesAfter.count) }

        Console.progress("placement: \(options.placements) orders over loopback TLS, enqueue to acknowledgement, beside raw HTTPS POSTs")
        let placement = try await PlacementMeasurement.run(count: options.placements, work: work)

        Console.progress("store: timing \(Format.grouped(StoreRoundTrips.calls)) empty writes and pending-entry reads")
        let roundTrips = try await StoreRoundTrips.measure(deliveryStore, uid: uid)
        try deliveryStore.close()

        return BenchmarkReport(
            date: started, commandLine: CommandLine.arguments.joined(separator: " "), machine: machine, source: source,
            loadAverages: (startLoad, MachineInfo.loadAverage()), emulator: (emulator.startup, emulator.peakResidentBytes),
            pairs: pairs.count, transport: options.transport, enqueue: enqueue, delivery: delivery, instant: instant, roundTrips: roundTrips,
            placement: placement
        ).markdown
    }

    /// Pulls the symbols config into `store`: a favorite is checked against it when queued.
    static func syncSymbols(into store: CoinWeightStore, client: CoinWeightClient, uid: UserID) async throws {
        let report = await SyncEngine(client: client, store: store).sync(uid: uid, only: [.symbols])
        guard report.succeeded else { throw OutboxBenchmarkError.deliveryIncomplete(round: 0, expected: 0, report: "symbols not synced: \(report.failures)") }
    }

    /// The favorites of `uid` as the server has them.
    static func favorites(of uid: UserID, on client: CoinWeightClient) async throws -> Set<MarketPair> {
        Set(try await client.favorites(uid: uid).map { MarketPair(counterParty: $0.counterParty, symbol: $0.symbol) })
    }
}
