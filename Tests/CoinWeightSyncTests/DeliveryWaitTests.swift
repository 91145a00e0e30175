import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightStore
import CoinWeightSync
import CoinWeightTestSupport
import Foundation
import Testing

/// Two callers that wait for one delivery (a forget waiting for it, a push behind it) both
/// return when it ends, and the second delivery runs after the first, never beside it.
@Suite("Waiting for a delivery")
struct DeliveryWaitTests {
    @Test("a wait for the running delivery and a delivery behind it both end once it ends; nothing is sent twice")
    func waitersEnd() async throws {
        try await SyncHarness.with { harness in
            #expect(await harness.engine.sync(uid: 2, only: [.symbols]).failures.isEmpty)
            let gate = GatedTransport(holding: "/favorite/add")
            let client = try CoinWeightClient(baseURL: harness.running.baseURL, transport: gate, authToken: harness.client.authToken)
            let outbox = Outbox(client: client, store: harness.store, configuration: SyncConfiguration(now: { harness.clock.now }))
            let pair = MarketPair(counterParty: "okcoin", symbol: "BTC-USDT")
            _ = try await outbox.enqueue(.addFavorite(pair), uid: 2)

            let ended = Counter()
            let first = Task {
                let report = await outbox.deliver(uid: 2)
                ended.add()
                return report
            }
            try await waitUntil("the favorite's request is held") { gate.held > 0 }
            let waiter = Task {
                await outbox.finishDelivery()
                ended.add()
            }
            let second = Task {
                let report = await outbox.deliver(uid: 2)
                ended.add()
                return report
            }
            // Let both reach their wait on the first delivery before it ends.
            for _ in 0..<20 { await Task.yield() }
            gate.release()
            try await waitUntil(timeout: .seconds(60), "the delivery and both callers waiting on it ended") { ended.value == 3 }
            #expect(await first.value.delivered.count == 1)
            #expect(await second.value.delivered.isEmpty, "the second found nothing left to send")
            _ = await waiter.value
            #expect(await harness.state.snapshot().user(2)?.favorites.filter { $0 == pair }.count == 1)
            #expect(gate.sent == 1)
        }
    }
}

/// URLSession underneath; requests to a path ending in `holding` wait until ``release()``.
private final class GatedTransport: HTTPTransport, @unchecked Sendable {
    private let base = URLSessionTransport()
    private let lock = NSLock()
    private let holding: String
    private var released = false
    private var holdingNow = 0
    private var sentHeld = 0

    init(holding: String) { self.holding = holding }

    /// Requests waiting at the gate now.
    var held: Int { lock.withLock { holdingNow } }
    /// Requests to the held path that went out.
    var sent: Int { lock.withLock { sentHeld } }

    func release() { lock.withLock { released = true } }

    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        if request.url.path.hasSuffix(holding) {
            lock.withLock { holdingNow += 1 }
            while !lock.withLock({ released }) { try? await Task.sleep(for: .milliseconds(5)) }
            lock.withLock {
                holdingNow -= 1
                sentHeld += 1
            }
        }
        return try await base.send(request)
    }
}

/// A count several tasks add to.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var value: Int { lock.withLock { count } }

    func add() { lock.withLock { count += 1 } }
}
