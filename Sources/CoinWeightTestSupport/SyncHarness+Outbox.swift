import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightStore
import CoinWeightSync
import Foundation

extension SyncHarness {
    /// Runs `body` with a harness whose store has the symbols config and abc's active orders,
    /// and an outbox on the harness's clock, sending through `transport` when given.
    package static func withOutbox(
        transport: (any HTTPTransport)? = nil, configure: @escaping (ManualClock) -> SyncConfiguration = { clock in SyncConfiguration(now: { clock.now }) },
        _ body: (SyncHarness, Outbox) async throws -> Void
    ) async throws {
        try await SyncHarness.with(configuration: configure) { harness in
            let report = await harness.engine.sync(uid: 2, only: [.symbols, .activeOrders])
            guard report.failures.isEmpty else { throw HarnessError.setUp("the first sync of symbols and active orders failed: \(report.failures)") }
            let client =
                try transport.map { try CoinWeightClient(baseURL: harness.running.baseURL, transport: $0, authToken: harness.client.authToken) }
                ?? harness.client
            try await body(harness, Outbox(client: client, store: harness.store, configuration: configure(harness.clock)))
        }
    }

    /// abc's orders on the server that `order` asked for.
    public func placed(_ order: NewOrder) async -> [Order] {
        await state.snapshot().orders(owner: "2").filter { $0.matches(order) }
    }
}

extension NewOrder {
    /// abc's LIMIT bid for ETH-USDT on binance at 2000.50: an order the emulator's rules accept.
    public static func sample(quantity: ExactDecimal = "1.2500", type: OrderType = .limit) -> NewOrder {
        NewOrder(orderType: type, symbol: "ETH-USDT", side: .bid, owner: "2", counterParty: "binance", price: "2000.50", quantity: quantity)
    }
}

/// Why a harness could not be set up.
public enum HarnessError: Error, CustomStringConvertible {
    case setUp(String)

    public var description: String {
        switch self {
        case .setUp(let what): what
        }
    }
}
