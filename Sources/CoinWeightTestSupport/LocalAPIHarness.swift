import CoinWeightAPI
import CoinWeightHTTPClient
import CoinWeightLocalAPI
import CoinWeightStore
import CoinWeightSync
import Foundation
import Logging

/// A daemon's local API in this process: a mirror of `upstream` in a store of a temporary
/// folder, running (syncing and delivering), served by a ``LocalAPIServer`` on loopback.
public struct LocalAPIHarness: Sendable {
    public let server: LocalAPIServer
    public let mirror: CoinWeightMirror
    /// The store's local API key.
    public let apiKey: String

    /// The local API's base URL.
    public var baseURL: URL { server.baseURL }
    public var store: CoinWeightStore { mirror.store }

    /// Runs `body` with a fresh store mirroring `upstream`, nobody logged in yet, and its local
    /// API served; stops them all afterwards, whatever `body` does.
    public static func with<T: Sendable>(
        upstream: URL, transport: any HTTPTransport = URLSessionTransport(), configuration: LocalAPIConfiguration = LocalAPIConfiguration(),
        sync: SyncConfiguration = SyncConfiguration(), _ body: (LocalAPIHarness) async throws -> T
    ) async throws -> T {
        try await withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("cwsync.sqlite").path
            let mirror = try await CoinWeightMirror.open(storePath: path, baseURL: upstream, transport: transport, configuration: sync)
            let running = Task { await mirror.run() }
            let harness: LocalAPIHarness
            do {
                let apiKey = try LocalAPIKey.load(besideStore: path)
                let server = try await LocalAPIServer.start(mirror: mirror, configuration: configuration, logger: Logger(label: "local-api-test"))
                harness = LocalAPIHarness(server: server, mirror: mirror, apiKey: apiKey)
            } catch {
                running.cancel()
                await running.value
                try? await mirror.close()
                throw error
            }
            do {
                let result = try await body(harness)
                await harness.stop(running)
                return result
            } catch {
                await harness.stop(running)
                throw error
            }
        }
    }

    private func stop(_ running: Task<Void, Never>) async {
        await server.stop()
        running.cancel()
        await running.value
        try? await mirror.close()
    }

    /// A client of the local API holding the store's API key as its token.
    public func client(transport: any HTTPTransport = URLSessionTransport()) throws -> CoinWeightClient {
        try CoinWeightClient(baseURL: baseURL, transport: transport, authToken: AuthToken(apiKey))
    }
}
