package import Hummingbird
package import Logging
package import ServiceLifecycle

/// A Hummingbird application listening on one address, started before the service group that
/// runs it: a taken port fails ``start(_:host:port:logger:)`` at once, and port 0 tells the
/// port the system chose. ``run()`` serves until graceful shutdown.
package struct HTTPListener: Service {
    /// The address listened on, as asked.
    package let host: String
    /// The port listened on: the one asked for, or the one the system chose for port 0.
    package let port: Int
    /// The application, in a service group of its own.
    private let application: ServiceGroup
    private let serving: Task<Void, any Error>

    /// Listens on `host:port` (port 0: a free one) with `responder`.
    /// - Throws: what kept it from listening, such as NIO's `IOError` for a taken port.
    package static func start<Responder: HTTPResponder>(_ responder: Responder, host: String, port: Int, logger: Logger) async throws -> HTTPListener
    where Responder.Context: InitializableFromSource<ApplicationRequestContextSource> {
        let (ports, bound) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            responder: responder, configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in bound.yield(channel.localAddress?.port ?? port) }, logger: logger)
        let application = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let serving = Task {
            defer { bound.finish() }
            try await application.run()
        }
        for await boundPort in ports {
            return HTTPListener(host: host, port: boundPort, application: application, serving: serving)
        }
        try await serving.value
        throw CancellationError()
    }

    /// `http://host:port` (an IPv6 address in brackets) followed by `path`; for a listener on
    /// every address (`0.0.0.0`, `::`), the loopback one, which this machine reaches it at.
    package func url(_ path: String) -> String {
        let reachable = ["0.0.0.0": "127.0.0.1", "::": "::1"][host] ?? host
        let urlHost = reachable.contains(":") ? "[\(reachable)]" : reachable
        return "http://\(urlHost):\(port)\(path)"
    }

    /// Stops listening, lets the requests in progress end, and waits for the application's end:
    /// for an owner that runs it outside a service group.
    package func stop() async {
        await application.triggerGracefulShutdown()
        _ = try? await serving.value
    }

    /// Serves until graceful shutdown, then stops the application and waits for it.
    package func run() async throws {
        try await withGracefulShutdownHandler {
            try await serving.value
        } onGracefulShutdown: { [application] in
            Task { await application.triggerGracefulShutdown() }
        }
    }
}
