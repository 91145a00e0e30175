import CoinWeightStore
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import ServiceLifecycle

/// The Prometheus endpoint of `cwsync run --metrics-port`: `GET /metrics` answers the
/// store's ``StatusReport``, read at each scrape, in the text exposition format; anything
/// else is 404. Each connection serves one request and is closed.
///
/// ``bind(host:port:store:logger:)`` listens before the daemon starts, so a taken port fails
/// at once; ``run()`` then serves until graceful shutdown. NIO's event loop threads start with
/// the first bind: a daemon without `--metrics-port` has none.
struct MetricsServer: Service {
    private typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

    /// The address to scrape, with the port the system chose when asked for port 0.
    let url: String
    private let listener: NIOAsyncChannel<Connection, Never>
    private let store: CoinWeightStore
    private let logger: Logger

    /// Listens on `host:port` (port 0: a free one) for scrapes of `store`.
    static func bind(host: String, port: Int, store: CoinWeightStore, logger: Logger) async throws -> MetricsServer {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try Connection(wrappingChannelSynchronously: channel)
                }
            }
        let boundPort = listener.channel.localAddress?.port ?? port
        let urlHost = host.contains(":") ? "[\(host)]" : host
        return MetricsServer(url: "http://\(urlHost):\(boundPort)/metrics", listener: listener, store: store, logger: logger)
    }

    /// Serves until graceful shutdown closes the listener; then ends the open connections.
    func run() async throws {
        try await withThrowingDiscardingTaskGroup { group in
            try await withGracefulShutdownHandler {
                try await listener.executeThenClose { connections in
                    for try await connection in connections {
                        group.addTask { await serve(connection) }
                    }
                }
            } onGracefulShutdown: {
                listener.channel.close(promise: nil)
            }
            // A client that connected and sends nothing must not hold up the daemon's exit.
            group.cancelAll()
        }
    }

    /// Answers the connection's first request and closes it; a client that goes away is no error.
    private func serve(_ connection: Connection) async {
        do {
            try await connection.executeThenClose { requests, responses in
                for try await part in requests {
                    guard case .head(let request) = part else { continue }
                    let (status, body) = await answer(request)
                    let headers = HTTPHeaders([
                        ("Content-Type", status == .ok ? "text/plain; version=0.0.4; charset=utf-8" : "text/plain; charset=utf-8"),
                        ("Content-Length", String(body.readableBytes)),
                        ("Connection", "close"),
                    ])
                    try await responses.write(contentsOf: [.head(HTTPResponseHead(version: request.version, status: status, headers: headers)), .body(.byteBuffer(body)), .end(nil)])
                    return
                }
            }
        } catch {
            logger.debug("metrics: connection ended", metadata: ["error": "\(error)"])
        }
    }

    private func answer(_ request: HTTPRequestHead) async -> (HTTPResponseStatus, ByteBuffer) {
        guard request.method == .GET, request.uri.prefix(while: { $0 != "?" }) == "/metrics" else {
            return (.notFound, ByteBuffer(string: "not found: the metrics are at GET /metrics\n"))
        }
        do {
            return (.ok, ByteBuffer(bytes: try await StatusReport(of: store).prometheusExposition(at: Date())))
        } catch {
            logger.warning("metrics: cannot read the store", metadata: ["error": "\(error)"])
            return (.internalServerError, ByteBuffer(string: "cannot read the store: \(error)\n"))
        }
    }
}
