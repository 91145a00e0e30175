import ArgumentParser
import CoinWeightAPI
import CoinWeightStore
import CoinWeightSync
import Foundation
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// `cwsync run`: the daemon. Syncs on an interval, delivers queued writes as soon as they
/// are queued (by any process sharing the store), backs off while offline, and stops on
/// SIGTERM or SIGINT between two transactions. With `--metrics-port`, also serves what
/// `cwsync status` reports as Prometheus metrics (``MetricsServer``).
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Keep the store in sync and deliver queued writes until SIGTERM or SIGINT.",
        discussion: "One daemon per store: a second one on the same store refuses to start."
    )

    @Option(help: "Seconds between two syncs while they succeed (varied by up to 10%).") var interval = 60
    @Option(help: ArgumentHelp("Serve Prometheus metrics at http://ADDRESS:PORT/metrics; 0 picks a free port (the URL is printed).", valueName: "port"))
    var metricsPort: Int?
    @Option(help: ArgumentHelp("The address the metrics listen on: loopback only, unless --allow-remote-metrics.", valueName: "address"))
    var metricsAddress = "127.0.0.1"
    @Flag(help: "Allow a --metrics-address other than loopback (anyone who reaches it reads the metrics, unauthenticated).")
    var allowRemoteMetrics = false
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var endpointOptions: EndpointOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard interval >= 1 else { throw ValidationError("--interval must be 1 second or more.") }
        if let metricsPort, !(0...65535).contains(metricsPort) { throw ValidationError("--metrics-port must be from 0 to 65535.") }
        guard allowRemoteMetrics || EndpointPolicy.isLoopback(host: metricsAddress) else {
            Console.err(
                "cwsync: --metrics-address \(metricsAddress) is not a loopback address: pass --allow-remote-metrics to serve the metrics beyond this machine")
            throw ExitCode.validationFailure
        }
    }

    func run() async throws {
        global.bootstrapLogging()
        // The store first: one that cannot be used is refused before a lock file is made beside it.
        let configuration = SyncConfiguration(syncInterval: .seconds(interval))
        let mirror = try await CommandFailure.reporting { try endpointOptions.openMirror(storeOptions, configuration: configuration) }
        let lock: StoreLock
        do {
            lock = try StoreLock(store: storeOptions.store)
        } catch let error as StoreLockError {
            Console.err("cwsync: \(error)")
            throw ExitCode(SyncExit.failed.rawValue)
        }
        let logger = Logger(label: "cwsync.run")
        let daemon = SyncDaemon(mirror: mirror, interval: .seconds(interval), logger: logger)
        var services: [any Service] = [daemon]
        if let metricsPort {
            let metrics: MetricsServer
            do {
                metrics = try await MetricsServer.start(host: metricsAddress, port: metricsPort, store: mirror.store, logger: logger)
            } catch {
                let reason = (error as? IOError).map { String(cString: strerror($0.errnoCode)) } ?? "\(error)"
                Console.err("cwsync: cannot serve metrics on \(metricsAddress) port \(metricsPort): \(reason)")
                throw ExitCode(SyncExit.failed.rawValue)
            }
            Console.out("metrics: \(metrics.url)")
            services.append(metrics)
        }
        let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        try mirror.store.close()
        withExtendedLifetime(lock) {}
    }
}
