import CoinWeightEmulator
import Foundation

/// The hidden `--serve` mode: the emulator the sync reads, in a process of its own so that its
/// memory and its seeding stay out of the sync's measurements. ``EmulatorProcess`` starts it.
struct EmulatorServer {
    /// Historical orders seeded for user `abc` (owner `2`).
    var orders: Int

    /// The days the seeded orders spread over, ending now: well inside the sync's 90-day horizon.
    static let seedDays = 80
    /// The largest `pageSize` `/order/inactive` honours: the sync's 1,000-order pages.
    static let pageSizeCap = 1_000

    /// Seeds the orders, listens on a free loopback port, prints the base URL as one line on
    /// standard output, and serves until SIGTERM or until its standard input ends (the parent died).
    func run() async throws {
        Thread {
            _ = FileHandle.standardInput.readDataToEndOfFile()
            exit(0)
        }.start()
        let emulator = CoinWeightEmulator(configuration: EmulatorConfiguration(
            port: 0, pageSizeCap: Self.pageSizeCap, seedOrders: orders, seedDays: Self.seedDays))
        let host = emulator.configuration.host
        let basePath = emulator.configuration.basePath
        try await emulator.run { port in
            FileHandle.standardOutput.write(Data("http://\(host):\(port)\(basePath)\n".utf8))
        }
    }
}
