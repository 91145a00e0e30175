import CoinWeightServing
import CoinWeightStore
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// The Prometheus endpoint of `cwsync run --metrics-port`, on Hummingbird: `GET /metrics`
/// answers the store's ``StatusReport``, read at each scrape, in the text exposition format;
/// any other path is 404.
///
/// ``start(host:port:store:logger:)`` listens before the daemon starts, so a taken port fails
/// at once; ``run()`` then serves until graceful shutdown. NIO's event loop threads start with
/// the first listener: a daemon without `--metrics-port` has none.
struct MetricsServer: Service {
    private let listener: HTTPListener

    /// The address to scrape, with the port the system chose when asked for port 0.
    var url: String { listener.url("/metrics") }

    /// Listens on `host:port` (port 0: a free one) for scrapes of `store`.
    /// - Throws: what kept it from listening, such as NIO's `IOError` for a taken port.
    static func start(host: String, port: Int, store: CoinWeightStore, logger: Logger) async throws -> MetricsServer {
        MetricsServer(listener: try await HTTPListener.start(router(store: store, logger: logger).buildResponder(), host: host, port: port, logger: logger))
    }

    /// Serves until graceful shutdown.
    func run() async throws { try await listener.run() }

    private static func router(store: CoinWeightStore, logger: Logger) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("metrics") { _, _ -> Response in
            do {
                let exposition = try await StatusReport(of: store).prometheusExposition(at: Date())
                return Response(
                    status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: exposition)))
            } catch {
                logger.warning("metrics: cannot read the store", metadata: ["error": "\(error)"])
                return text(.internalServerError, "cannot read the store: \(error)\n")
            }
        }
        router.get("**") { _, _ in text(.notFound, "not found: the metrics are at GET /metrics\n") }
        return router
    }

    private static func text(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
