import ArgumentParser
import CoinWeightAPI
import CoinWeightLocalAPI
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
/// `cwsync status` reports as Prometheus metrics (``MetricsServer``); with `--api-port`, the
/// mirror as the coin-weight API (``LocalAPIServer``).
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
    @Option(
        help: ArgumentHelp(
            "Serve the mirror as the coin-weight API at http://ADDRESS:PORT/exp/v2 (bearer: the key cwsync api-key prints, or the session's token); 0 picks a free port.",
            valueName: "port"))
    var apiPort: Int?
    @Option(help: ArgumentHelp("The address the local API listens on: loopback only, unless --allow-remote-api.", valueName: "address"))
    var apiAddress = "127.0.0.1"
    @Flag(help: "Allow an --api-address other than loopback (anyone who reaches it and holds the key or token reads and writes the account).")
    var allowRemoteApi = false
    @Option(
        name: .customLong("api-allow-origin"),
        help: ArgumentHelp("A browser origin whose pages may call the local API (http://localhost:3000); repeat for more.", valueName: "origin"))
    var apiAllowedOrigins: [String] = []
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var endpointOptions: EndpointOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard interval >= 1 else { throw ValidationError("--interval must be 1 second or more.") }
        if let metricsPort, !(0...65535).contains(metricsPort) { throw ValidationError("--metrics-port must be from 0 to 65535.") }
        if let apiPort, !(0...65535).contains(apiPort) { throw ValidationError("--api-port must be from 0 to 65535.") }
        try Self.requireLoopback(metricsAddress, "--metrics-address", unless: allowRemoteMetrics, "--allow-remote-metrics", "the metrics")
        try Self.requireLoopback(apiAddress, "--api-address", unless: allowRemoteApi, "--allow-remote-api", "the local API")
        for origin in apiAllowedOrigins {
            guard let url = URL(string: origin), ["http", "https"].contains(url.scheme), url.host != nil, url.path.isEmpty else {
                throw ValidationError("--api-allow-origin \(origin) is not an origin: give a scheme, a host and maybe a port, such as http://localhost:3000")
            }
        }
    }

    /// Refuses a listening address off this machine unless its flag allows it.
    private static func requireLoopback(_ address: String, _ option: String, unless allowed: Bool, _ flag: String, _ what: String) throws {
        guard allowed || EndpointPolicy.isLoopback(host: address) else {
            Console.err("cwsync: \(option) \(address) is not a loopback address: pass \(flag) to serve \(what) beyond this machine")
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
            let metrics = try await Self.listening("metrics", metricsAddress, metricsPort) {
                try await MetricsServer.start(host: metricsAddress, port: metricsPort, store: mirror.store, logger: logger)
            }
            Console.out("metrics: \(metrics.url)")
            services.append(metrics)
        }
        if let apiPort {
            do {
                _ = try LocalAPIKey.load(besideStore: storeOptions.store)
            } catch {
                Console.err("cwsync: cannot make the local API's key beside \(storeOptions.store): \(error)")
                throw ExitCode(SyncExit.failed.rawValue)
            }
            let configuration = LocalAPIConfiguration(host: apiAddress, port: apiPort, allowedOrigins: Set(apiAllowedOrigins))
            let api = try await Self.listening("the local API", apiAddress, apiPort) {
                try await LocalAPIServer.start(mirror: mirror, configuration: configuration, logger: logger)
            }
            Console.out("api: \(api.baseURL.absoluteString) (bearer: the key cwsync api-key prints)")
            services.append(api)
        }
        let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        try mirror.store.close()
        withExtendedLifetime(lock) {}
    }

    /// What `start` starts listening, or one line saying why it cannot (a taken port) and exit 1.
    private static func listening<Server>(_ what: String, _ address: String, _ port: Int, _ start: () async throws -> Server) async throws -> Server {
        do {
            return try await start()
        } catch {
            let reason = (error as? IOError).map { String(cString: strerror($0.errnoCode)) } ?? "\(error)"
            Console.err("cwsync: cannot serve \(what) on \(address) port \(port): \(reason)")
            throw ExitCode(SyncExit.failed.rawValue)
        }
    }
}
