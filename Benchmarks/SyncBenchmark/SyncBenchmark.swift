import BenchmarkSupport
import CoinWeightAPI
import CoinWeightHTTPClient
import CoinWeightStore
import CoinWeightSync
import CoinWeightTestSupport
import Foundation

/// `sync-benchmark`: the first sync of 200,000 historical orders from a local emulator, beside
/// `curl` fetching the same pages and the `sqlite3` CLI importing the same rows, in one run.
///
/// The emulator runs in a child process (this program again, with the hidden `--serve`), so
/// the peak RSS measured is the sync's alone. The Markdown report goes to standard output and
/// to `--out`; progress and warnings go to standard error. Run it from the repository root in
/// a release build.
@main
struct SyncBenchmark {
    /// The user whose history is synced: `abc`, uid 2, owner `2`.
    static let credentials = Credentials(userName: "abc", password: "abc_password")

    /// The program's name, in its messages and its temporary folder.
    static let program = "sync-benchmark"

    static func main() async {
        await BenchmarkMain.runWithEmulator(program, options: BenchmarkOptions.self) { options in try await run(options) }
    }

    /// Runs the sync and its two limits as `options` say and returns the Markdown report.
    static func run(_ options: BenchmarkOptions) async throws -> String {
        let started = Date()
        let startLoad = MachineInfo.loadAverage()
        let schema = try SchemaFile.initial(program: program)
        let curl = try Program("curl")
        let curlVersion = try curl.run(["--version"]).output.split(separator: "\n").first.map(String.init) ?? ""
        let sqlite3 = try SQLiteCLI()
        let machine = try MachineInfo.current(sqlite3: sqlite3)
        let work = try WorkFolder(path: options.work, program: program)
        defer { work.removeIfTemporary() }

        Console.progress("emulator: seeding \(Format.grouped(options.orders)) orders in a child process")
        let emulator = try EmulatorProcess.start(arguments: ["--orders", String(options.orders)])
        defer { emulator.stop() }
        Console.progress("emulator: listening at \(emulator.baseURL) after \(Format.fixed(emulator.startup.seconds, 1)) s")

        let transport = RecordingTransport(wrapping: options.transport == "urlsession" ? URLSessionTransport() : try AsyncHTTPClientTransport())
        let client = try CoinWeightClient(baseURL: emulator.baseURL, transport: transport)
        let session = try await client.login(credentials)
        let token = client.authToken!
        let served = try await servedHistory(owner: session.uid.ownAccount, baseURL: emulator.baseURL, token: token)

        let storeFile = try work.freshFile("sync.sqlite")
        let store = try CoinWeightStore(path: storeFile.path)
        let configuration = SyncConfiguration(
            historyHorizon: .seconds(90 * 86_400), historyWindow: .seconds(options.windowDays * 86_400), historyConcurrency: options.windows,
            pageSize: 1_000, pagesPerTransaction: options.pagesPerTransaction)
        Console.progress("sync: first sync of the order history of \(credentials.userName) (\(Format.grouped(served)) orders served)")
        let sync = try await SyncMeasurement.run(client: client, log: transport.log, uid: session.uid, store: store, configuration: configuration)
        Console.progress("sync: \(Format.fixed(sync.elapsed.seconds, 2)) s, \(sync.requests.count) requests")
        let storeBytes = store.fileSize

        Console.progress("store: reading the synced orders back, writing them as CSV")
        let csv = try work.freshFile("orders.csv")
        let synced = try await OrderCSV.export(owner: session.uid.ownAccount, from: store, to: csv)
        try store.close()
        guard synced == served else { throw BenchmarkError.rowCount("the store after the sync", expected: served, found: synced) }

        Console.progress("curl: fetching the same \(sync.requests.count) pages")
        let fetch = try CurlFetch.run(sync.requests, token: token.rawValue, curl: curl, config: try work.freshFile("curl.config"))

        Console.progress("sqlite3: importing the same rows")
        let database = try work.freshFile("cli.sqlite")
        try sqlite3.createDatabase(database, schema: schema)
        let sqliteElapsed = try sqlite3.importOrders(csv, into: database)
        let imported = try sqlite3.countOrders(in: database)
        guard imported == synced else { throw BenchmarkError.rowCount(database.path, expected: synced, found: imported) }

        // The peer script and a second sync, alternating with the first: sync, peer, sync, peer.
        let python = try Program("python3")
        var peers: [PeerSync] = []
        var syncs = [sync]
        for round in 1...2 {
            Console.progress("peer: the hand-written script, run \(round)")
            let peer = try PeerSync.run(
                python: python, baseURL: emulator.baseURL, token: token.rawValue, owner: session.uid.ownAccount,
                database: try work.freshFile("peer-\(round).sqlite"), windowDays: options.windowDays)
            guard peer.orders == served else { throw BenchmarkError.rowCount("the peer script", expected: served, found: peer.orders) }
            peers.append(peer)
            if round == 1 {
                Console.progress("sync: again, into a fresh store")
                let again = try CoinWeightStore(path: try work.freshFile("sync-2.sqlite").path)
                syncs.append(
                    try await SyncMeasurement.run(client: client, log: HistoryRequestLog(), uid: session.uid, store: again, configuration: configuration))
                try again.close()
            }
        }

        let emulatorPeak = emulator.peakResidentBytes
        return BenchmarkReport(
            date: started, commandLine: CommandLine.arguments.joined(separator: " "), machine: machine, curlVersion: curlVersion, options: options,
            loadAverages: (startLoad, MachineInfo.loadAverage()), emulatorStartup: emulator.startup, emulatorPeak: emulatorPeak,
            served: served, synced: synced, sync: sync, storeBytes: storeBytes, curl: fetch, sqliteElapsed: sqliteElapsed,
            csvBytes: WorkFolder.size(of: csv), peakAtEnd: PeakMemory.highWaterBytes(), syncs: syncs, peers: peers
        ).markdown
    }

    /// How many inactive orders of `owner` `/order/inactive` serves over all time: `totalPage`
    /// of a one-row page. Asked through a client of its own, so the request is not one of the
    /// sync's pages.
    static func servedHistory(owner: String, baseURL: URL, token: AuthToken) async throws -> Int {
        let client = try CoinWeightClient(baseURL: baseURL, authToken: token)
        let now = Date().millisecondsSince1970
        return try await client.inactiveOrders(InactiveOrderQuery(owner: owner, startTime: 0, endTime: now, pageIndex: 0, pageSize: 1)).totalPage
    }
}
