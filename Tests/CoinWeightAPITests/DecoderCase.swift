import CoinWeightAPI
import Foundation
import Testing

/// One response the client decodes: the spec example it starts from, and the client call
/// that reads it, so a test exercises the envelope, the payload and any transform exactly as
/// the client runs them.
struct DecoderCase: Sendable, CustomTestStringConvertible {
    /// How tests name the call.
    let name: String
    /// The spec example (`Fixtures/spec/<fixture>.json`) the answer starts from.
    let fixture: String
    /// Calls the client and re-encodes what it decoded.
    let read: @Sendable (CoinWeightClient) async throws(CoinWeightError) -> Decoded

    var testDescription: String { name }

    /// A call whose answer is a value: it is re-encoded and decoded again.
    static func value<T: Codable & Equatable & Sendable>(
        _ name: String, _ fixture: String, _ call: @escaping @Sendable (CoinWeightClient) async throws(CoinWeightError) -> T
    ) -> DecoderCase {
        DecoderCase(name: name, fixture: fixture) { client throws(CoinWeightError) in Decoded(try await call(client)) }
    }

    /// A call whose answer carries nothing but its envelope.
    static func void(_ name: String, _ fixture: String, _ call: @escaping @Sendable (CoinWeightClient) async throws(CoinWeightError) -> Void) -> DecoderCase {
        DecoderCase(name: name, fixture: fixture) { client throws(CoinWeightError) in
            try await call(client)
            return Decoded(json: nil, roundTrips: true)
        }
    }

    /// Every call of the client that reads a response body.
    static let all: [DecoderCase] = {
        let pair = MarketPair(counterParty: "okcoin", symbol: "BTC-USDT")
        let slot = LayoutSlot(position: 4, counterParty: "binance", symbol: "ETH-BTC")
        let item = StrategyItem(id: "1", name: "octmm", exchange: "binance", strategyType: "SingleMarketMaker", symbols: [])
        let reference = OrderReference(streetOrderId: "1234567", owner: "2", counterParty: "binance")
        return [
            .value("test-auth", "test-auth.response") { client throws(CoinWeightError) in try await client.testAuth() },
            .value("symbols", "config-symbols.response") { client throws(CoinWeightError) in try await client.symbols() },
            .value("default markets", "market-default.response") { client throws(CoinWeightError) in try await client.defaultMarkets() },
            .value("custom markets", "market-custom.response") { client throws(CoinWeightError) in try await client.customMarkets(uid: 2) },
            .value("favorites", "favorites.response") { client throws(CoinWeightError) in try await client.favorites(uid: 2) },
            .void("favorite add", "favorite-add.response") { client throws(CoinWeightError) in try await client.addFavorite(uid: 2, pair) },
            .void("favorite delete", "favorite-delete.response") { client throws(CoinWeightError) in try await client.deleteFavorite(uid: 2, pair) },
            .value("professional default layout", "layout-professional-default.response") { client throws(CoinWeightError) in
                try await client.defaultLayout(.professional)
            },
            .value("simple default layout", "layout-simple-default.response") { client throws(CoinWeightError) in try await client.defaultLayout(.simple) },
            .value("professional custom layout", "layout-professional-custom.response") { client throws(CoinWeightError) in
                try await client.customLayout(.professional, uid: 2)
            },
            .value("simple custom layout", "layout-simple-custom.response") { client throws(CoinWeightError) in
                try await client.customLayout(.simple, uid: 2)
            },
            .void("professional layout update", "layout-professional-update.response") { client throws(CoinWeightError) in
                try await client.updateLayout(.professional, uid: 2, slot: slot)
            },
            .void("simple layout update", "layout-simple-update.response") { client throws(CoinWeightError) in
                try await client.updateLayout(.simple, uid: 2, slot: slot)
            },
            .value("strategy templates", "strategy-defaults.response") { client throws(CoinWeightError) in try await client.strategyTemplates() },
            .value("strategy items", "strategy-items.response") { client throws(CoinWeightError) in try await client.strategyItems(uid: 2) },
            .value("strategy item create", "strategy-item-create.response") { client throws(CoinWeightError) in
                try await client.createStrategyItem(uid: 2, item)
            },
            .value("strategy item update", "strategy-item-update.response") { client throws(CoinWeightError) in
                try await client.updateStrategyItem(uid: 2, item)
            },
            .value("strategy item delete", "strategy-item-delete.response") { client throws(CoinWeightError) in
                try await client.deleteStrategyItem(uid: 2, id: "1")
            },
            .value("strategy start", "strategy-start.response") { client throws(CoinWeightError) in
                try await client.startStrategy(userID: 2, strategy: item)
            },
            .value("strategy stop", "strategy-stop.response") { client throws(CoinWeightError) in
                try await client.stopStrategy(userID: 2, strategy: item)
            },
            .value("strategy statuses", "strategy-status.response") { client throws(CoinWeightError) in try await client.strategyStatuses(uid: 2) },
            .value("order create", "order-create.response") { client throws(CoinWeightError) in
                try await client.createOrder(
                    NewOrder(
                        orderType: .limit, symbol: "ETH-USDT", side: .bid, owner: "2", counterParty: "binance", price: "1", quantity: "1"))
            },
            .value("order update", "order-update.response") { client throws(CoinWeightError) in
                try await client.updateOrder(OrderAmendment(streetOrderId: "1234567", price: "1", quantity: "1", owner: "2", counterParty: "binance"))
            },
            .value("order cancel", "order-cancel.response") { client throws(CoinWeightError) in try await client.cancelOrder(reference) },
            .value("order cancel-all", "order-cancel-all.response") { client throws(CoinWeightError) in
                try await client.cancelAllOrders(CancelAllRequest(owner: "123", selectedCounterParty: ["huobi", "binance"]))
            },
            .value("active orders", "order-active.response") { client throws(CoinWeightError) in try await client.activeOrders(owner: "2") },
            .value("inactive orders", "order-inactive.response") { client throws(CoinWeightError) in
                try await client.inactiveOrders(InactiveOrderQuery(owner: "2", pageIndex: 1, pageSize: 10))
            },
            .value("secrets", "secrets.response") { client throws(CoinWeightError) in try await client.secrets(owner: "1") },
            .void("secret add", "secret-add.response") { client throws(CoinWeightError) in
                try await client.addSecret(NewSecret(counterParty: "huobi", owner: "1", apiKey: "k", secretKey: "s"))
            },
            .void("secret delete", "secret-delete.response") { client throws(CoinWeightError) in
                try await client.deleteSecret(SecretReference(counterParty: "huobi", owner: "1"))
            },
            .value("login", "login.response") { client throws(CoinWeightError) in
                try await client.login(Credentials(userName: "abc", password: "abc_password"))
            },
            .value("signup", "signup.response") { client throws(CoinWeightError) in
                try await client.signup(SignupRequest(email: "abc@gmail.com", phone: "12345", userName: "abc", password: "pwd123"))
            },
            .value("user info", "user-info.response") { client throws(CoinWeightError) in try await client.userInfo(uid: 2) },
            .value("positions", "user-position.response") { client throws(CoinWeightError) in try await client.positions(uid: 2) },
        ]
    }()
}

/// What a call decoded, written back as JSON by `JSONEncoder`.
struct Decoded {
    /// The value re-encoded; `nil` for an answer without a value, or when encoding failed.
    let json: Data?
    /// Whether decoding ``json`` gives the same value back (true without a value).
    let roundTrips: Bool
    /// Why the value could not be encoded, if it could not.
    var encodingFailure: String?

    init(json: Data?, roundTrips: Bool) {
        self.json = json
        self.roundTrips = roundTrips
    }

    init<T: Codable & Equatable>(_ value: T) {
        do {
            let data = try JSONEncoder().encode(value)
            json = data
            roundTrips = (try? JSONDecoder().decode(T.self, from: data)) == value
        } catch {
            json = nil
            roundTrips = false
            encodingFailure = "\(error)"
        }
    }
}
