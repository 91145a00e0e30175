import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightTestSupport
import Foundation
import Testing

/// Each fault of the plan, switched on through the control surface over HTTP as an
/// out-of-process test would, seen by the typed client, with its effect (or none) checked
/// in the state dump.
@Suite("Fault injection")
struct FaultInjectionTests {
    private func abcOrders(_ harness: EmulatorHarness) async throws -> [Order] {
        try await harness.snapshot().orders(owner: "2")
    }

    @Test("5xx before the effect: transient, may have reached the server, nothing created")
    func serverError() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.setFaults(#"{"serverErrorRate": 1, "paths": ["/order/create"]}"#)
            let failure = try await error { try await harness.abc.createOrder(EmulatorHarness.restingOrder()) }
            guard case .transient(_, .serverError(503)) = failure else {
                Issue.record("expected a 503, got \(String(describing: failure))")
                return
            }
            #expect(try await abcOrders(harness).isEmpty)
            #expect(try await harness.snapshot().faultCounts.serverErrors == 1)
            _ = try await harness.abc.symbols()  // other paths are not faulted
        }
    }

    @Test("429 with Retry-After: the delay reaches the caller, nothing created")
    func rateLimit() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.setFaults(#"{"rateLimitRate": 1, "retryAfterSeconds": 3}"#)
            let failure = try await error { try await harness.abc.createOrder(EmulatorHarness.restingOrder()) }
            #expect(failure?.retryAfter == .seconds(3))
            #expect(failure?.mayHaveReachedServer == false)
            #expect(try await abcOrders(harness).isEmpty)
        }
    }

    @Test("connection dropped before the effect: no response, nothing created")
    func dropBeforeEffect() async throws {
        try await EmulatorHarness.with { harness in
            _ = try await harness.abc.symbols()  // a kept-alive connection the drop will break
            try await harness.setFaults(#"{"dropBeforeEffectRate": 1, "paths": ["/order/create"]}"#)
            let failure = try await error { try await harness.abc.createOrder(EmulatorHarness.restingOrder()) }
            guard case .transient(_, .transport) = failure else {
                Issue.record("expected a transport failure, got \(String(describing: failure))")
                return
            }
            #expect(failure?.mayHaveReachedServer == true, "the client cannot tell the two drops apart")
            #expect(try await abcOrders(harness).isEmpty)
        }
    }

    @Test("response lost after the effect: the order exists exactly once", arguments: [false, true])
    func dropAfterEffect(reusedConnection: Bool) async throws {
        try await EmulatorHarness.with { harness in
            if reusedConnection { _ = try await harness.abc.activeOrders(owner: "2") }
            try await harness.setFaults(#"{"dropAfterEffectRate": 1, "paths": ["/order/create"]}"#)
            let failure = try await error { try await harness.abc.createOrder(EmulatorHarness.restingOrder()) }
            guard case .transient(_, .transport(.connectionLost)) = failure else {
                Issue.record("expected the connection to be lost at once, got \(String(describing: failure))")
                return
            }
            #expect(failure?.mayHaveReachedServer == true)
            let orders = try await abcOrders(harness)
            #expect(orders.count == 1, "the transport must not resend a POST on its own: \(orders.count) orders")
            let counts = try await harness.snapshot().faultCounts
            #expect(counts.dropsAfterEffect == 1, "\(String(describing: failure)) \(counts)")
        }
    }

    @Test("malformed body after the effect: a malformed-response error, the effect stands")
    func malformed() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.setFaults(#"{"malformedRate": 1, "paths": ["/order/create"]}"#)
            let failure = try await error { try await harness.abc.createOrder(EmulatorHarness.restingOrder()) }
            guard case .malformedResponse(let endpoint, 200, _, _) = failure else {
                Issue.record("expected malformedResponse, got \(String(describing: failure))")
                return
            }
            #expect(endpoint == "POST /order/create")
            #expect(failure?.mayHaveReachedServer == true)
            #expect(try await abcOrders(harness).count == 1)
        }
    }

    @Test("token expiry: 403, the old token stays dead after the fault is cleared, a new login works")
    func tokenExpiry() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.setFaults(#"{"tokenExpiryRate": 1}"#)
            _ = try await harness.abc.symbols()  // a public call carries no token and is not expired
            guard case .authenticationFailed = try await error(of: { try await harness.abc.favorites(uid: 2) }) else {
                Issue.record("expected 403 from the token expiry fault")
                return
            }
            let cleared = try await harness.raw(.delete, harness.control("/faults"))
            #expect(cleared.status == 200)
            guard case .authenticationFailed = try await error(of: { try await harness.eve.favorites(uid: 3) }) else {
                Issue.record("eve's token, issued before the expiry, still works")
                return
            }
            _ = try await harness.abc.login(Credentials(userName: "abc", password: "abc_password"))
            _ = try await harness.abc.favorites(uid: 2)
        }
    }

    @Test("latency delays every covered request")
    func latency() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.setFaults(#"{"latencyMilliseconds": 300, "paths": ["/config/symbols"]}"#)
            let started = ContinuousClock.now
            _ = try await harness.abc.symbols()
            #expect(ContinuousClock.now - started >= .milliseconds(300))
            #expect(try await harness.snapshot().faultCounts.delayed == 1)
        }
    }

    @Test("read lag: a new order is invisible to /order/active and /order/inactive until the lag passes")
    func readLag() async throws {
        let clock = ManualClock()
        try await EmulatorHarness.with(EmulatorConfiguration(controlEnabled: true, now: { clock.now })) { harness in
            try await harness.setFaults(#"{"readLagMilliseconds": 5000}"#)
            let resting = try await harness.abc.createOrder(EmulatorHarness.restingOrder())
            var market = EmulatorHarness.restingOrder()
            market.orderType = .market
            let filled = try await harness.abc.createOrder(market)
            #expect(filled.executionType == .filled)
            let window = InactiveOrderQuery(owner: "2", startTime: filled.createTime - 1000, endTime: filled.createTime + 1000)
            #expect(try await harness.abc.activeOrders(owner: "2").isEmpty)
            #expect(try await harness.abc.inactiveOrders(window).content.isEmpty)
            clock.advance(by: 4.9)
            #expect(try await harness.abc.activeOrders(owner: "2").isEmpty)
            clock.advance(by: 0.2)
            #expect(try await harness.abc.activeOrders(owner: "2").map(\.streetOrderId) == [resting.streetOrderId])
            #expect(try await harness.abc.inactiveOrders(window).content.map(\.streetOrderId) == [filled.streetOrderId])
        }
    }

    @Test("the plan reads back, clears, and counts; a bad plan is refused")
    func planRoundTrip() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.setFaults(#"{"serverErrorRate": 0.25, "paths": ["/order"]}"#)
            let read = try await harness.raw(.get, harness.control("/faults"))
            let plan = try JSONDecoder().decode(FaultPlan.self, from: read.body)
            #expect(plan == FaultPlan(serverErrorRate: 0.25, paths: ["/order"]))
            let bad = try await harness.raw(.put, harness.control("/faults"), json: #"{"serverErrorRate": "lots"}"#)
            #expect(bad.status == 400)
            #expect(try await harness.snapshot().faults == plan, "a refused plan changes nothing")
            _ = try await harness.raw(.delete, harness.control("/faults"))
            #expect(try await harness.snapshot().faults == FaultPlan())
        }
    }

    @Test("a 30% 5xx rate hits about 30% of requests, the same ones for the same seed")
    func ratesAreSeeded() async throws {
        func outcomes() async throws -> [Bool] {
            try await EmulatorHarness.with { harness in
                try await harness.setFaults(#"{"serverErrorRate": 0.3}"#)
                var failed: [Bool] = []
                for _ in 0..<200 { failed.append(try await error { try await harness.abc.symbols() } != nil) }
                return failed
            }
        }
        let first = try await outcomes()
        #expect((40...80).contains(first.filter { $0 }.count))
        #expect(try await outcomes() == first)
    }
}
