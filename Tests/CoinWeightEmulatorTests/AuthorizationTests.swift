import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightTestSupport
import Foundation
import Testing

/// A token touches only its own uid and its own owners: anything else is 403 and changes nothing.
@Suite("Authorization")
struct AuthorizationTests {
    /// One thing eve (uid 3) tries on abc's (uid 2) data.
    struct Attempt: Sendable, CustomTestStringConvertible {
        var name: String
        /// Runs as eve; `abcOrder` is an active order of abc's.
        var run: @Sendable (_ eve: CoinWeightClient, _ abcOrder: Order) async throws -> Void
        var testDescription: String { name }
    }

    static let abcStrategy = StrategyItem(id: "1", name: "octmm", exchange: "binance", owner: "strategy-10", strategyType: "VolumeMarketMaker", symbols: [])
    static let pair = MarketPair(counterParty: "binance", symbol: "ETH-BTC")

    static let attempts: [Attempt] = [
        Attempt(name: "custom markets of uid 2") { eve, _ in _ = try await eve.customMarkets(uid: 2) },
        Attempt(name: "favorites of uid 2") { eve, _ in _ = try await eve.favorites(uid: 2) },
        Attempt(name: "add a favorite to uid 2") { eve, _ in try await eve.addFavorite(uid: 2, pair) },
        Attempt(name: "delete a favorite of uid 2") { eve, _ in try await eve.deleteFavorite(uid: 2, pair) },
        Attempt(name: "layout of uid 2") { eve, _ in _ = try await eve.customLayout(.professional, uid: 2) },
        Attempt(name: "update the layout of uid 2") { eve, _ in
            try await eve.updateLayout(.simple, uid: 2, slot: LayoutSlot(position: 1, counterParty: "huobi", symbol: "EOS-USDT"))
        },
        Attempt(name: "strategies of uid 2") { eve, _ in _ = try await eve.strategyItems(uid: 2) },
        Attempt(name: "create a strategy for uid 2") { eve, _ in _ = try await eve.createStrategyItem(uid: 2, abcStrategy) },
        Attempt(name: "update a strategy of uid 2") { eve, _ in _ = try await eve.updateStrategyItem(uid: 2, abcStrategy) },
        Attempt(name: "delete a strategy of uid 2") { eve, _ in _ = try await eve.deleteStrategyItem(uid: 2, id: "1") },
        Attempt(name: "create a strategy under abc's owner strategy-10") { eve, _ in _ = try await eve.createStrategyItem(uid: 3, abcStrategy.withID(nil)) },
        Attempt(name: "info of uid 2") { eve, _ in _ = try await eve.userInfo(uid: 2) },
        Attempt(name: "positions of uid 2") { eve, _ in _ = try await eve.positions(uid: 2) },
        Attempt(name: "strategy status of uid 2") { eve, _ in _ = try await eve.strategyStatuses(uid: 2) },
        Attempt(name: "start a strategy as userid 2") { eve, _ in _ = try await eve.startStrategy(userID: 2, strategy: abcStrategy) },
        Attempt(name: "stop a strategy as userid 2") { eve, _ in _ = try await eve.stopStrategy(userID: 2, strategy: abcStrategy) },
        Attempt(name: "order for owner 2") { eve, _ in _ = try await eve.createOrder(EmulatorHarness.restingOrder(owner: "2")) },
        Attempt(name: "order for owner strategy-10") { eve, _ in _ = try await eve.createOrder(EmulatorHarness.restingOrder(owner: "strategy-10")) },
        Attempt(name: "update abc's order") { eve, order in
            _ = try await eve.updateOrder(
                OrderAmendment(streetOrderId: order.streetOrderId, price: "1.00", quantity: "1", owner: order.owner, counterParty: order.counterParty))
        },
        Attempt(name: "update abc's order claiming eve's owner") { eve, order in
            _ = try await eve.updateOrder(
                OrderAmendment(streetOrderId: order.streetOrderId, price: "1.00", quantity: "1", owner: "3", counterParty: order.counterParty))
        },
        Attempt(name: "cancel abc's order") { eve, order in
            _ = try await eve.cancelOrder(OrderReference(streetOrderId: order.streetOrderId, owner: order.owner, counterParty: order.counterParty))
        },
        Attempt(name: "cancel abc's order claiming eve's owner") { eve, order in
            _ = try await eve.cancelOrder(OrderReference(streetOrderId: order.streetOrderId, owner: "3", counterParty: order.counterParty))
        },
        Attempt(name: "cancel all of owner 2") { eve, _ in _ = try await eve.cancelAllOrders(CancelAllRequest(owner: "2")) },
        Attempt(name: "active orders of owner 2") { eve, _ in _ = try await eve.activeOrders(owner: "2") },
        Attempt(name: "inactive orders of owner 2") { eve, _ in _ = try await eve.inactiveOrders(InactiveOrderQuery(owner: "2")) },
        Attempt(name: "secrets of owner 2") { eve, _ in _ = try await eve.secrets(owner: "2") },
        Attempt(name: "add a secret for owner 2") { eve, _ in
            try await eve.addSecret(NewSecret(counterParty: "huobi", owner: "2", apiKey: "evil", secretKey: "evil-secret"))
        },
        Attempt(name: "delete a secret of owner 2") { eve, _ in try await eve.deleteSecret(SecretReference(counterParty: "binance", owner: "2")) },
    ]

    @Test("eve's token on abc's uid, owner, order or strategy: 403 and nothing changes", arguments: attempts)
    func foreignDataIsForbidden(attempt: Attempt) async throws {
        try await EmulatorHarness.with { harness in
            let order = try await harness.abc.createOrder(EmulatorHarness.restingOrder())
            try await harness.abc.addSecret(NewSecret(counterParty: "binance", owner: "2", apiKey: "abc-key", secretKey: "abc-secret"))
            let before = try await harness.snapshot()
            let failure = try await error { try await attempt.run(harness.eve, order) }
            guard case .authenticationFailed = failure else {
                Issue.record("\(attempt.name): expected 403, got \(String(describing: failure))")
                return
            }
            #expect(try await harness.snapshot() == before, "\(attempt.name) changed the state")
            _ = try await harness.eve.testAuth()  // eve's token still works: a 403 is not a logout
        }
    }

    @Test("eve can do the same things to her own data")
    func ownDataIsAllowed() async throws {
        try await EmulatorHarness.with { harness in
            let order = try await harness.eve.createOrder(EmulatorHarness.restingOrder(owner: "3"))
            _ = try await harness.eve.cancelOrder(OrderReference(streetOrderId: order.streetOrderId, owner: "3", counterParty: "binance"))
            _ = try await harness.eve.favorites(uid: 3)
            _ = try await harness.eve.strategyStatuses(uid: 3)
            _ = try await harness.eve.createOrder(EmulatorHarness.restingOrder(owner: "strategy-20"))
            #expect(try await harness.snapshot().orders(owner: "3").map(\.executionType) == [.canceled])
        }
    }

    @Test("no token, a garbage token or one signed with another key: 403 on every authenticated route")
    func badTokens() async throws {
        try await EmulatorHarness.with { harness in
            let token = try #require(harness.abc.authToken?.rawValue)
            let parts = token.split(separator: ".")
            let forged = "\(parts[0]).\(parts[1]).\(Data("not the signature".utf8).base64URLEncodedString())"
            var claims = try #require(try JSONSerialization.jsonObject(with: Data(base64URLEncoded: String(parts[1]))!) as? [String: Any])
            claims["uid"] = 3
            let swapped = "\(parts[0]).\(try JSONSerialization.data(withJSONObject: claims).base64URLEncodedString()).\(parts[2])"
            for candidate in [nil, "garbage", "a.b.c", forged, swapped] as [String?] {
                for path in ["/test-auth", "/config/market/custom/2", "/order/active?owner=2", "/user/2/info", "/strategy/status/2"] {
                    let response = try await harness.raw(.get, harness.api(path), token: candidate)
                    #expect(response.status == 403, "\(path) with \(candidate ?? "no token")")
                    let head = try JSONSerialization.jsonObject(with: response.body) as? [String: Any]
                    #expect(head?["success"] as? Bool == false)
                }
            }
            let missing = try await error { try await CoinWeightClient(baseURL: harness.running.baseURL).favorites(uid: 2) }
            guard case .notLoggedIn = missing else {
                Issue.record("expected notLoggedIn, got \(String(describing: missing))")
                return
            }
        }
    }

    @Test("a token stops working at its exp, and after the tokens are revoked; a new login works")
    func expiryAndRevocation() async throws {
        let clock = ManualClock()
        let configuration = EmulatorConfiguration(tokenLifetime: .seconds(60), controlEnabled: true, now: { clock.now })
        try await EmulatorHarness.with(configuration) { harness in
            let token = try #require(harness.abc.authToken)
            #expect(token.expiresAt == clock.now.addingTimeInterval(60))
            clock.advance(by: 59)
            _ = try await harness.abc.testAuth()
            clock.advance(by: 1)
            #expect(token.isExpired(at: clock.now))
            guard case .authenticationFailed = try await error(of: { try await harness.abc.testAuth() }) else {
                Issue.record("an expired token was accepted")
                return
            }
            _ = try await harness.abc.login(Credentials(userName: "abc", password: "abc_password"))
            _ = try await harness.abc.testAuth()

            let revoke = try await harness.raw(.post, harness.control("/tokens/expire"))
            #expect(revoke.status == 200)
            guard case .authenticationFailed = try await error(of: { try await harness.abc.favorites(uid: 2) }) else {
                Issue.record("a revoked token was accepted")
                return
            }
            _ = try await harness.abc.login(Credentials(userName: "abc", password: "abc_password"))
            #expect(try await harness.abc.testAuth().uid == 2)
        }
    }
}
