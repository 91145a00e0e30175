import CoinWeightAPI
import CoinWeightTestSupport
import Foundation
import Testing

/// Which endpoints a client accepts, and what its values show in logs.
@Suite("Client configuration and redaction")
struct ClientConfigurationTests {
    @Test(
        "https anywhere; http only to this machine unless opted in",
        arguments: [
            ("https://api.coin-weight.com/exp/v2", false, true),
            ("http://127.0.0.1:8080/exp/v2", false, true),
            ("http://127.8.9.10/exp/v2", false, true),
            ("http://localhost:8080/exp/v2", false, true),
            ("http://[::1]:8080/exp/v2", false, true),
            ("http://api.coin-weight.com/exp/v2", false, false),
            ("http://192.168.1.10/exp/v2", false, false),
            ("http://127.0.0.1.example.com/exp/v2", false, false),
            ("http://api.coin-weight.com/exp/v2", true, true),
            ("ftp://api.coin-weight.com/exp/v2", true, false),
            ("file:///etc/passwd", true, false),
        ])
    func endpointPolicy(url: String, optIn: Bool, permitted: Bool) throws {
        let base = try #require(URL(string: url))
        #expect(EndpointPolicy.permits(base, allowInsecureHTTP: optIn) == permitted)
        let made = Result { try CoinWeightClient(baseURL: base, transport: CannedTransport(body: Data()), allowInsecureHTTP: optIn) }
        #expect(((try? made.get()) != nil) == permitted)
        if case .failure(let failure) = made {
            #expect("\(failure)".contains("Use https://"))
        }
    }

    @Test("a base URL with a trailing slash gives the same paths")
    func trailingSlash() async throws {
        let transport = CannedTransport(body: try SpecExample.data("config-symbols.response"))
        let client = try CoinWeightClient(baseURL: URL(string: "https://api.coin-weight.com/exp/v2/")!, transport: transport)
        _ = try await client.symbols()
        #expect(transport.requests.first?.url.absoluteString == "https://api.coin-weight.com/exp/v2/config/symbols")
    }

    @Test("path segments are escaped: an owner cannot reach another path")
    func pathEscaping() async throws {
        let transport = CannedTransport(body: try SpecExample.data("secrets.response"))
        _ = try await apiClient(transport).secrets(owner: "1/../../user/3/info?x=#")
        let url = try #require(transport.requests.first?.url)
        #expect(url.path.hasPrefix("/exp/v2/secret/"))
        #expect(url.query == nil && url.fragment == nil)
        #expect(!url.absoluteString.contains("/../"))
    }

    @Test("the token's claims are read without verifying; a garbage token has none")
    func tokenClaims() {
        #expect(specLoginToken.claims?.iss == "ex" && specLoginToken.claims?.group == "group1")
        #expect(specLoginToken.expiresAt == Date(timeIntervalSince1970: 1_517_148_660))
        #expect(specLoginToken.isExpired(at: Date(timeIntervalSince1970: 1_517_148_659)) == false)
        #expect(specLoginToken.isExpired(at: Date(timeIntervalSince1970: 1_517_148_660)))
        let garbage = AuthToken("not-a-jwt")
        #expect(garbage.claims == nil && garbage.expiresAt == nil && !garbage.isExpired())
        #expect(AuthToken("a.!!!.c").claims == nil)
    }

    @Test("descriptions of tokens, sessions and credentials hide the secrets")
    func descriptionsHideSecrets() {
        let session = Session(uid: 2, userName: "abc", group: "group1", authToken: specLoginToken)
        let texts = [
            "\(specLoginToken)", String(reflecting: specLoginToken), "\(session)", String(reflecting: session),
            "\(Credentials(userName: "abc", password: "abc_password"))",
            "\(SignupRequest(email: "e", phone: "p", userName: "u", password: "abc_password"))",
            "\(NewSecret(counterParty: "huobi", owner: "1", apiKey: "k", secretKey: "abc_password"))",
        ]
        for text in texts {
            #expect(!text.contains(specLoginToken.rawValue) && !text.contains("abc_password"), "\(text)")
        }
        #expect("\(specLoginToken)".contains("uid: 2"))
    }
}
