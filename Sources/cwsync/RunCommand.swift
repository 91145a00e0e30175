import ArgumentParser
import CoinWeightStore
import CoinWeightSync
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// `cwsync run`: the daemon. Syncs on an interval, delivers queued writes as soon as they
/// are queued (by any process sharing the store), backs off while offline, and stops on
/// SIGTERM or SIGINT between two transactions.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Keep the store in sync and deliver queued writes until SIGTERM or SIGINT.",
        discussion: "One daemon per store: a second one on the same store refuses to start."
    )

    @Option(help: "Seconds between two syncs while they succeed (varied by up to 10%).") var interval = 60
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var endpointOptions: EndpointOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard interval >= 1 else { throw ValidationError("--interval must be 1 second or more.") }
    }

    func run() async throws {
        global.bootstrapLogging()
        let lock: StoreLock
        do {
            lock = try StoreLock(store: storeOptions.store)
        } catch let error as StoreLockError {
            Console.err("cwsync: \(error)")
            throw ExitCode(SyncExit.failed.rawValue)
        }
        let logger = Logger(label: "cwsync.run")
        let mirror = try endpointOptions.openMirror(storeOptions)
        let daemon = SyncDaemon(mirror: mirror, interval: .seconds(interval), logger: logger)
        let group = ServiceGroup(configuration: .init(services: [daemon], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        try mirror.store.close()
        withExtendedLifetime(lock) {}
    }
}
