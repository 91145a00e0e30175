import CoinWeightAPI
import CoinWeightTestSupport
import Foundation
import Testing

/// Every documented error code, read per endpoint: the same number means different things
/// on different calls.
@Suite("Documented error codes")
struct BusinessErrorTests {
    /// A call of the client, named for the test's arguments.
    struct Call: Sendable, CustomTestStringConvertible {
        var name: String
        var run: @Sendable (CoinWeightClient) async throws -> Void
        var testDescription: String { name }
    }

    static let login = Call(name: "login") { _ = try await $0.login(Credentials(userName: "abc", password: "x")) }
    static let signup = Call(name: "signup") { _ = try await $0.signup(SignupRequest(email: "a@b.c", phone: "1", userName: "a", password: "p")) }
    static let update = Call(name: "order update") {
        _ = try await $0.updateOrder(OrderAmendment(streetOrderId: "1", price: "1", quantity: "1", owner: "2", counterParty: "binance"))
    }
    static let cancel = Call(name: "order cancel") { _ = try await $0.cancelOrder(OrderReference(streetOrderId: "1", owner: "2", counterParty: "binance")) }
    static let addSecret = Call(name: "secret add") { try await $0.addSecret(NewSecret(counterParty: "huobi", owner: "1", apiKey: "k", secretKey: "s")) }
    static let listSecrets = Call(name: "secret list") { _ = try await $0.secrets(owner: "1") }
    static let deleteSecret = Call(name: "secret delete") { try await $0.deleteSecret(SecretReference(counterParty: "huobi", owner: "1")) }
    static let layout = Call(name: "layout update") {
        try await $0.updateLayout(.professional, uid: 2, slot: LayoutSlot(position: 4, counterParty: "binance", symbol: "ETH-BTC"))
    }
    static let startStrategy = Call(name: "strategy start") {
        _ = try await $0.startStrategy(userID: 2, strategy: StrategyItem(id: "1", name: "a", exchange: "binance", strategyType: "x", symbols: []))
    }

    @Test(
        "code to reason",
        arguments: [
            (login, 1, BusinessFailure.accountNotFound), (login, 3, .wrongPassword), (login, 4, .invalidParameters),
            (signup, 1, .userNameTaken), (signup, 2, .emailTaken), (signup, 3, .phoneTaken),
            (signup, 4, .accountTaken), (signup, 5, .badVerificationCode),
            (update, 1000, .orderNotUpdatable), (cancel, 1001, .orderNotCancelable),
            (addSecret, 1, .duplicatedSecret), (addSecret, 500, .wrongOwner),
            (listSecrets, 500, .wrongOwner), (deleteSecret, 500, .wrongOwner),
            (layout, 4, .invalidParameters), (startStrategy, 500, .wrongOwner),
            (cancel, 1000, .unrecognized), (login, 77, .unrecognized),
        ] as [(Call, Int, BusinessFailure)])
    func reason(call: Call, code: Int, expected: BusinessFailure) async throws {
        let body = #"{"success":false,"errorCode":\#(code),"errorMsg":"refused","data":null}"#
        let failure = try await error { try await call.run(apiClient(CannedTransport(body: Data(body.utf8)))) }
        guard case .rejected(let refusal) = failure else {
            Issue.record("expected a rejection, got \(String(describing: failure))")
            return
        }
        #expect(refusal.code == code && refusal.reason == expected && refusal.message == "refused")
        #expect(failure?.isTransient == false && failure?.mayHaveReachedServer == false)
        #expect("\(failure!)".contains("error \(code)"))
    }

    @Test("a refusal sent with HTTP 400 instead of 200 is still read from the body")
    func refusalWithClientErrorStatus() async throws {
        let body = #"{"success":false,"errorCode":4,"errorMsg":"Parameters error","data":null}"#
        let failure = try await error { try await Self.login.run(apiClient(CannedTransport(status: 400, body: Data(body.utf8)))) }
        guard case .rejected(let refusal) = failure else {
            Issue.record("expected a rejection, got \(String(describing: failure))")
            return
        }
        #expect(refusal.reason == .invalidParameters)
    }
}
