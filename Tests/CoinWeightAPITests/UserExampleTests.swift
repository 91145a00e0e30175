import CoinWeightAPI
import CoinWeightTestSupport
import Foundation
import Testing

/// The User and Secret APIs' example bodies from the spec, decoded through the client.
@Suite("Spec examples: User and Secret APIs")
struct UserExampleTests {
    @Test("/user/login: envelope without errorMsg, uid as a number, token kept by the client")
    func login() async throws {
        let transport = CannedTransport(body: try SpecExample.data("login.response"))
        let client = try apiClient(transport, token: nil)
        let session = try await client.login(Credentials(userName: "abc", password: "abc_password"))
        #expect(session.uid == UserID(2) && session.userName == "abc" && session.email == "abc@gmail.com")
        #expect(session.authToken.claims?.uid == 2)
        #expect(session.authToken.claims?.exp == 1_517_148_660)
        #expect(session.authToken.isExpired(), "the spec's example token expired in 2018")
        #expect(client.authToken == session.authToken)
        #expect(try SpecExample.json(of: transport.requests.first) == SpecExample.json("login.request"))
        #expect(transport.requests.first?.headers["Authorization"] == nil)
    }

    @Test("/user/signup: no email in the answer, the token's own uid")
    func signup() async throws {
        let transport = CannedTransport(body: try SpecExample.data("signup.response"))
        let client = try apiClient(transport, token: nil)
        let session = try await client.signup(SignupRequest(email: "abc@gmail.com", phone: "12345", userName: "abc", password: "pwd123"))
        #expect(session.uid == 2 && session.email == nil && session.group == "group1")
        #expect(session.authToken.claims?.uid == 4, "the example's token says uid 4: decoded, not trusted")
        #expect(try SpecExample.json(of: transport.requests.first) == SpecExample.json("signup.request"))
    }

    @Test("/user/{uid}/info: uid as a string")
    func info() async throws {
        let (client, transport) = try apiClient(answering: "user-info.response")
        let info = try await client.userInfo(uid: UserID("123"))
        #expect(info.uid == UserID("123") && info.uid == UserID(123))
        #expect(info.googleAuthEnabled == false && info.userName == "test")
        #expect(info.estimatedValue == "10.0027 USDT" && info.onOrders == "12.000")
        #expect(info.changePercentage == Decimal(string: "-0.0218"))
        #expect(info.avatar == "https://cdn1.iconfinder.com/data/icons/ninja-things-1/1772/ninja-512.png")
        #expect(transport.requests.first?.url.path == "/exp/v2/user/123/info")
    }

    @Test("/user/{uid}/position: exact amounts")
    func positions() async throws {
        let (client, _) = try apiClient(answering: "user-position.response")
        let positions = try await client.positions(uid: 2)
        #expect(positions.map(\.currency) == ["BTC", "ETH"])
        #expect(positions[0].totalAmount.text == "1000.0" && positions[0].usedAmount.text == "12.001")
        #expect(positions[1].availableAmount.text == "339")
    }

    @Test("/secret/{owner}: only the masked secret is read")
    func secrets() async throws {
        let (client, transport) = try apiClient(answering: "secrets.response")
        let secrets = try await client.secrets(owner: "1")
        #expect(secrets == [SecretMetadata(counterParty: "huobi", owner: "1", apiKey: "123456", maskedSecretKey: "k****k")])
        #expect(transport.requests.first?.url.path == "/exp/v2/secret/1")
    }

    @Test("/secret/add and /secret/delete send the spec's bodies")
    func secretWrites() async throws {
        let (adding, addTransport) = try apiClient(answering: "secret-add.response")
        let secret = NewSecret(counterParty: "huobi", owner: "1", apiKey: "123456", secretKey: "kkkkkk")
        try await adding.addSecret(secret)
        #expect(try SpecExample.json(of: addTransport.requests.first) == SpecExample.json("secret-add.request"))
        #expect(!"\(secret)".contains("kkkkkk"), "a secret's description hides the plaintext")

        let (deleting, deleteTransport) = try apiClient(answering: "secret-delete.response")
        try await deleting.deleteSecret(SecretReference(counterParty: "huobi", owner: "1"))
        #expect(try SpecExample.json(of: deleteTransport.requests.first) == SpecExample.json("secret-delete.request"))
    }
}
