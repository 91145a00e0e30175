import CoinWeightAPI
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import ServiceLifecycle
import UnixSignals

/// A local, faithful emulator of the coin-weight API, on Hummingbird.
///
/// It serves every endpoint of the spec under ``EmulatorConfiguration/basePath`` with
/// per-user state, HS256 tokens, the spec's envelopes and error codes, and switchable faults.
///
/// ```swift
/// let emulator = CoinWeightEmulator(configuration: .init(controlEnabled: true))
/// let running = try await emulator.start()
/// let client = try CoinWeightClient(baseURL: running.baseURL)
/// // ...
/// await running.stop()
/// ```
public final class CoinWeightEmulator: Sendable {
    public let configuration: EmulatorConfiguration
    /// The emulated exchange, for in-process inspection and control.
    public let state: EmulatorState
    private let logger: Logger

    public init(configuration: EmulatorConfiguration = EmulatorConfiguration(), logger: Logger = Logger(label: "cwsync.emulator")) {
        self.configuration = configuration
        self.logger = logger
        state = EmulatorState(configuration: configuration)
    }

    /// Runs the server until the task is cancelled or the process gets SIGTERM or SIGINT.
    /// - Parameter onRunning: called with the bound port once the server listens.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await run(makeServiceGroup(signals: [.sigterm, .sigint], onRunning: onRunning))
    }

    /// Runs `group`, a failure to listen because the port is taken said as such.
    private func run(_ group: ServiceGroup) async throws {
        do {
            try await group.run()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw EmulatorError.addressInUse(host: configuration.host, port: configuration.port)
        }
    }

    /// `https` when the emulator serves TLS, else `http`.
    public var scheme: String { configuration.tls == nil ? "http" : "https" }

    /// Starts the server in the background and returns once it listens.
    public func start() async throws -> RunningEmulator {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let group = try makeServiceGroup(signals: []) { port in continuation.yield(port) }
        let task = Task {
            defer { continuation.finish() }
            try await run(group)
        }
        for await port in ports {
            return RunningEmulator(scheme: scheme, host: configuration.host, port: port, basePath: configuration.basePath, group: group, task: task)
        }
        try await task.value
        throw EmulatorError.didNotStart
    }

    private func makeServiceGroup(signals: [UnixSignal], onRunning: @escaping @Sendable (Int) async -> Void) throws -> ServiceGroup {
        var server = HTTPServerBuilder.http1()
        if let tls = configuration.tls {
            let certificate = try NIOSSLCertificate(bytes: Array(tls.certificatePEM.utf8), format: .pem)
            let key = try NIOSSLPrivateKey(bytes: Array(tls.privateKeyPEM.utf8), format: .pem)
            server = try .tls(.http1(), tlsConfiguration: .makeServerConfiguration(certificateChain: [.certificate(certificate)], privateKey: .privateKey(key)))
        }
        let app = Application(
            router: makeRouter(),
            server: server,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "coin-weight-emulator"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
        return ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: signals, logger: logger))
    }

    func makeRouter() -> Router<EmulatorContext> {
        let router = Router(context: EmulatorContext.self)
        let api = router.group(RouterPath(configuration.basePath))
            .add(middleware: FaultMiddleware(state: state, basePath: configuration.basePath))
        APIRoutes(state: state).add(to: api)
        if configuration.controlEnabled {
            ControlRoutes(state: state).add(to: router.group(RouterPath(EmulatorConfiguration.controlPath)))
        }
        return router
    }
}

/// An emulator running in the background of this process.
public struct RunningEmulator: Sendable {
    /// `http`, or `https` for an emulator serving TLS.
    public let scheme: String
    public let host: String
    public let port: Int
    let basePath: String
    let group: ServiceGroup
    let task: Task<Void, any Error>

    /// The URL to give a client: `http://127.0.0.1:PORT/exp/v2` (`https` over TLS).
    public var baseURL: URL { URL(string: "\(scheme)://\(hostForURL):\(port)\(basePath)")! }

    /// The root of the control surface: `http://127.0.0.1:PORT/_emulator`.
    public var controlURL: URL { URL(string: "\(scheme)://\(hostForURL):\(port)\(EmulatorConfiguration.controlPath)")! }

    private var hostForURL: String { host.contains(":") ? "[\(host)]" : host }

    /// Stops the server gracefully and waits for it to close.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
    }
}

/// Why an emulator could not run.
public enum EmulatorError: Error, CustomStringConvertible {
    /// The server stopped before it listened, for no reason it gave.
    case didNotStart
    /// Another program listens on the address and port it was given.
    case addressInUse(host: String, port: Int)

    public var description: String {
        switch self {
        case .didNotStart: "the emulator stopped before it listened"
        case .addressInUse(let host, let port): "port \(port) of \(host) is already in use by another program"
        }
    }
}
