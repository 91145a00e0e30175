import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightStore
import CoinWeightSync
import Foundation

/// An emulator on an injected clock, a store in a temporary folder, abc logged in, an engine.
public struct SyncHarness: Sendable {
    public let running: RunningEmulator
    public let state: EmulatorState
    public let clock: ManualClock
    public let store: CoinWeightStore
    public let folder: URL
    public let client: CoinWeightClient
    package let engine: SyncEngine

    public static let uid: UserID = 2

    /// Runs `body` with a fresh emulator holding `seedOrders` orders of abc over `seedDays` days.
    public static func with<T: Sendable>(
        seedOrders: Int = 0, seedDays: Int = 60, configuration: (ManualClock) -> SyncConfiguration = { clock in SyncConfiguration(now: { clock.now }) },
        transport: (any HTTPTransport)? = nil,
        _ body: (SyncHarness) async throws -> T
    ) async throws -> T {
        let clock = ManualClock(start: Date(timeIntervalSince1970: 1_790_000_000))
        let emulatorConfiguration = EmulatorConfiguration(
            tokenLifetime: .seconds(30 * 86_400), controlEnabled: true, seedOrders: seedOrders, seedDays: seedDays, now: { clock.now })
        return try await CoinWeightEmulator.withRunning(emulatorConfiguration) { running, state in
            try await withTemporaryDirectory { folder in
                let store = try CoinWeightStore(path: folder.appendingPathComponent("cwsync.sqlite").path)
                defer { try? store.close() }
                let client = try CoinWeightClient(baseURL: running.baseURL, transport: transport ?? URLSessionTransport())
                _ = try await client.login(Credentials(userName: "abc", password: "abc_password"))
                let engine = SyncEngine(client: client, store: store, configuration: configuration(clock))
                return try await body(SyncHarness(running: running, state: state, clock: clock, store: store, folder: folder, client: client, engine: engine))
            }
        }
    }

    /// Every order of `owner` in the store, newest first.
    public func storedOrders(owner: String) async throws -> [Order] {
        try await store.read(.allOrders(OrderFilter(owner: owner)))
    }

    /// Every order of `owner` on the server, newest first, as the store sorts them.
    public func serverOrders(owner: String) async -> [Order] {
        await state.snapshot().orders(owner: owner).sorted { ($0.createTime, $0.streetOrderId) > ($1.createTime, $1.streetOrderId) }
    }
}
