import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightHTTPClient
import Foundation
import Testing

@Suite("User API contract")
struct UserContractTests {
    @Test(arguments: Wire.allCases) func loginReturnsSessionWithReadableToken(wire: Wire) async throws {
        try await wire.withRunning { running, _ in
            let client = try CoinWeightClient(baseURL: running.baseURL, transport: running.transport)
            let session = try await client.login(Credentials(userName: "abc", password: "abc_password"))
            #expect(session.uid == UserID(2))
            #expect(session.userName == "abc")
            #expect(session.group == "group1")
            #expect(session.email == "abc@gmail.com")
            #expect(session.authToken.claims?.uid == UserID(2))
            #expect(session.authToken.claims?.iss == "ex")
            let expiry = try #require(session.authToken.expiresAt)
            #expect(expiry.timeIntervalSinceNow > 3500 && expiry.timeIntervalSinceNow <= 3601)
            #expect(client.authToken == session.authToken)
        }
    }

    @Test(arguments: Wire.allCases) func loginErrorsMapToTheirCodes(wire: Wire) async throws {
        try await wire.withRunning { running, _ in
            let client = try CoinWeightClient(baseURL: running.baseURL, transport: running.transport)
            for (credentials, reason, code) in [
                (Credentials(userName: "nobody", password: "x"), BusinessFailure.accountNotFound, 1),
                (Credentials(userName: "abc", password: "wrong"), .wrongPassword, 3),
                (Credentials(userName: "", password: ""), .invalidParameters, 4),
            ] {
                let error = await #expect(throws: CoinWeightError.self) { try await client.login(credentials) }
                guard case .rejected(let business)? = error else {
                    Issue.record("expected a refusal, got \(String(describing: error))")
                    continue
                }
                #expect(business.reason == reason)
                #expect(business.code == code)
            }
            #expect(client.authToken == nil)
        }
    }

    @Test(arguments: Wire.allCases) func signupCreatesAUserThatCanLogIn(wire: Wire) async throws {
        try await wire.withRunning { running, state in
            let client = try CoinWeightClient(baseURL: running.baseURL, transport: running.transport)
            let session = try await client.signup(SignupRequest(email: "zoe@example.com", phone: "555", userName: "zoe", password: "pw"))
            #expect(session.userName == "zoe")
            #expect(session.uid == UserID(4))
            #expect(session.email == nil)
            #expect(try await client.testAuth().uid == session.uid)
            let snapshot = await state.snapshot()
            #expect(snapshot.user(4)?.userName == "zoe")
            let again = try CoinWeightClient(baseURL: running.baseURL, transport: running.transport)
            #expect(try await again.login(Credentials(userName: "zoe", password: "pw")).uid == UserID(4))
        }
    }

    @Test(arguments: Wire.allCases) func signupDuplicatesAreRefusedByCode(wire: Wire) async throws {
        try await wire.withRunning { running, _ in
            let client = try CoinWeightClient(baseURL: running.baseURL, transport: running.transport)
            for (request, reason) in [
                (SignupRequest(email: "new@example.com", phone: "1", userName: "abc", password: "pw"), BusinessFailure.userNameTaken),
                (SignupRequest(email: "abc@gmail.com", phone: "1", userName: "new", password: "pw"), .emailTaken),
                (SignupRequest(email: "new@example.com", phone: "12345", userName: "new", password: "pw"), .phoneTaken),
            ] {
                let error = await #expect(throws: CoinWeightError.self) { try await client.signup(request) }
                guard case .rejected(let business)? = error else {
                    Issue.record("expected a refusal")
                    continue
                }
                #expect(business.reason == reason)
            }
        }
    }

    @Test(arguments: Wire.allCases) func testAuthIsBareAndNamesTheUser(wire: Wire) async throws {
        try await wire.withRunning { running, _ in
            let eve = try await running.login("eve")
            let identity = try await eve.client.testAuth()
            #expect(identity == AuthIdentity(uid: UserID(3), group: "group1"))
        }
    }

    @Test(arguments: Wire.allCases) func userInfoDecodesStringUIDAndValues(wire: Wire) async throws {
        try await wire.withRunning { running, state in
            let abc = try await running.login()
            let info = try await abc.client.userInfo(uid: abc.uid)
            let expected = try #require(await state.snapshot().user(2)?.info)
            #expect(info == expected)
            #expect(info.uid == UserID(2))
            #expect(info.estimatedValue == "10.0027 USDT")
            #expect(info.changePercentage == Decimal(string: "-0.0218"))
        }
    }

    @Test(arguments: Wire.allCases) func positionsKeepExactAmounts(wire: Wire) async throws {
        try await wire.withRunning { running, state in
            let abc = try await running.login()
            let positions = try await abc.client.positions(uid: abc.uid)
            #expect(positions == (await state.snapshot().user(2)?.positions ?? []))
            #expect(positions.first?.usedAmount.text == "12.001")
            #expect(positions.first?.totalAmount.text == "1000.0")
        }
    }

    /// A server whose certificate the client does not trust, or https:// to a server that
    /// speaks plain HTTP: a configuration error said plainly, never retried as transient.
    @Test(arguments: [Wire.urlSession, Wire.asyncHTTPClient])
    func untrustedCertificateIsAConfigurationError(wire: Wire) async throws {
        let configuration = EmulatorConfiguration(tls: try EmulatorTLS.selfSigned())
        try await CoinWeightEmulator.withRunning(configuration) { running, _ in
            let transport: any HTTPTransport = wire == .urlSession ? URLSessionTransport() : try AsyncHTTPClientTransport()
            let client = try CoinWeightClient(baseURL: running.baseURL, transport: transport)
            let error = await #expect(throws: CoinWeightError.self) { try await client.symbols() }
            guard case .transient(_, .transport(.secureConnectionFailed(let reason)))? = error else {
                Issue.record("not a TLS failure: \(String(describing: error))")
                return
            }
            #expect(error?.isTransient == false && error?.mayHaveReachedServer == false)
            if wire == .asyncHTTPClient { #expect(reason == "the server's certificate is not signed by an authority this client trusts") }
        }
        try await CoinWeightEmulator.withRunning { running, _ in
            let transport: any HTTPTransport = wire == .urlSession ? URLSessionTransport() : try AsyncHTTPClientTransport()
            let https = try #require(URL(string: running.baseURL.absoluteString.replacingOccurrences(of: "http://", with: "https://")))
            let client = try CoinWeightClient(baseURL: https, transport: transport)
            let error = await #expect(throws: CoinWeightError.self) { try await client.symbols() }
            #expect(error?.isTransient == false, "\(String(describing: error))")
        }
    }
}
