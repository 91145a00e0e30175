import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightTestSupport
import Foundation
import Testing

/// The test control surface: off unless enabled; seed, fill, cancel and dump over HTTP.
@Suite("Control surface")
struct ControlSurfaceTests {
    @Test("off by default: every control path is 404 and the API still answers")
    func offByDefault() async throws {
        try await EmulatorHarness.with(EmulatorConfiguration()) { harness in
            for (method, path) in [(HTTPRequest.Method.get, "/state"), (.put, "/faults"), (.post, "/tokens/expire"), (.post, "/orders/seed")] {
                let response = try await harness.raw(method, harness.control(path), json: method == .get ? nil : "{}")
                #expect(response.status == 404, "\(method.rawValue) \(path)")
            }
            _ = try await harness.abc.testAuth()
        }
    }

    @Test("fill and cancel move abc's orders as the exchange would")
    func fillAndCancel() async throws {
        try await EmulatorHarness.with { harness in
            let first = try await harness.abc.createOrder(EmulatorHarness.restingOrder())
            let second = try await harness.abc.createOrder(EmulatorHarness.restingOrder())

            let partial = try await harness.raw(.post, harness.control("/orders/\(first.streetOrderId)/fill"), json: #"{"quantity":"0.5"}"#)
            let partialOrder = try JSONDecoder().decode(Order.self, from: partial.body)
            #expect(partialOrder.executionType == .partiallyFilled && partialOrder.filledQuantity.isSameAmount(as: "0.5"))
            let full = try await harness.raw(.post, harness.control("/orders/\(first.streetOrderId)/fill"))
            #expect(try JSONDecoder().decode(Order.self, from: full.body).executionType == .filled)

            let canceled = try await harness.raw(.post, harness.control("/orders/\(second.streetOrderId)/cancel"))
            #expect(try JSONDecoder().decode(Order.self, from: canceled.body).executionType == .canceled)

            let again = try await harness.raw(.post, harness.control("/orders/\(second.streetOrderId)/cancel"))
            #expect(again.status == 404, "an inactive order cannot be canceled again")
            #expect(try await harness.raw(.post, harness.control("/orders/nope/fill")).status == 404)

            #expect(try await harness.abc.activeOrders(owner: "2").isEmpty)
            let day = InactiveOrderQuery(owner: "2")
            #expect(Set(try await harness.abc.inactiveOrders(day).content.map(\.streetOrderId)) == [first.streetOrderId, second.streetOrderId])
        }
    }

    @Test("seeding over HTTP is deterministic and spread over the days asked")
    func seed() async throws {
        let clock = ManualClock()
        func seeded(_ seed: Int) async throws -> [Order] {
            try await EmulatorHarness.with(EmulatorConfiguration(controlEnabled: true, now: { clock.now })) { harness in
                let response = try await harness.raw(.post, harness.control("/orders/seed"), json: #"{"count": 500, "days": 10, "seed": \#(seed)}"#)
                #expect(String(decoding: response.body, as: UTF8.self).contains("500"))
                return try await harness.snapshot().orders(owner: "2")
            }
        }
        let first = try await seeded(7)
        #expect(first.count == 500)
        #expect(try await seeded(7) == first)
        #expect(try await seeded(8) != first)
        let now = clock.now.millisecondsSince1970
        let tenDays: Int64 = 10 * 24 * 3600 * 1000
        #expect(first.allSatisfy { $0.createTime <= now && $0.createTime >= now - tenDays })
        #expect(first.contains { $0.executionType.isActive } && first.contains { !$0.executionType.isActive })
        #expect(Set(first.map(\.streetOrderId)).count == 500)
        #expect(first.allSatisfy { ExactDecimal($0.price.text) != nil && $0.price.value > 0 })
    }

    @Test("the state dump holds users, orders and masked secrets, never a password or plaintext secret")
    func stateDump() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.abc.addSecret(NewSecret(counterParty: "huobi", owner: "2", apiKey: "key-1", secretKey: "plaintext-secret"))
            let response = try await harness.raw(.get, harness.control("/state"))
            let text = String(decoding: response.body, as: UTF8.self)
            #expect(!text.contains("plaintext-secret") && !text.contains("abc_password"))
            let snapshot = try JSONDecoder().decode(EmulatorSnapshot.self, from: response.body)
            #expect(snapshot.users.map(\.uid) == [2, 3])
            #expect(snapshot.secrets.map(\.apiKey) == ["key-1"])
            #expect(snapshot.secrets.first?.maskedSecretKey.contains("*") == true)
        }
    }
}
