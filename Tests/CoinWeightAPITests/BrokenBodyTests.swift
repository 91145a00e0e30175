import CoinWeightAPI
import CoinWeightTestSupport
import Foundation
import Testing

/// Bodies a real server, proxy or network can produce that the spec never shows: each gives
/// a typed error (or an `unknown` value), never a crash, and never leaks the token.
@Suite("Broken and unexpected bodies")
struct BrokenBodyTests {
    private func activeOrdersFailure(status: Int = 200, headers: [String: String] = [:], body: Data) async throws -> CoinWeightError? {
        try await error { try await apiClient(CannedTransport(status: status, headers: headers, body: body)).activeOrders(owner: "2") }
    }

    private func expectMalformed(_ failure: CoinWeightError?, reasonContains fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard case .malformedResponse(let endpoint, _, let reason, _) = failure else {
            Issue.record("expected malformedResponse, got \(String(describing: failure))", sourceLocation: sourceLocation)
            return
        }
        #expect(endpoint == "GET /order/active", sourceLocation: sourceLocation)
        #expect(reason.contains(fragment), "reason: \(reason)", sourceLocation: sourceLocation)
        #expect(failure?.mayHaveReachedServer == true, sourceLocation: sourceLocation)
    }

    @Test("truncated JSON at every tenth of the body")
    func truncated() async throws {
        let whole = try SpecExample.data("order-active.response")
        for tenth in 1..<10 {
            let failure = try await activeOrdersFailure(body: whole.prefix(whole.count * tenth / 10))
            guard case .malformedResponse = failure else {
                Issue.record("cut at \(tenth)/10: expected malformedResponse, got \(String(describing: failure))")
                continue
            }
        }
    }

    @Test("an empty body and a null data")
    func emptyAndNull() async throws {
        expectMalformed(try await activeOrdersFailure(body: Data()), reasonContains: "not valid JSON")
        expectMalformed(
            try await activeOrdersFailure(body: Data(#"{"success":true,"errorCode":0,"errorMsg":"ok","data":null}"#.utf8)),
            reasonContains: ".data: missing"
        )
    }

    @Test(
        "wrong types name the field",
        arguments: [
            ("\"price\":\"0.00123\"", "\"price\":0.00123", "price"),
            ("\"createTime\":1530861306000", "\"createTime\":\"yesterday\"", "createTime"),
            ("\"quantity\":\"10.000\"", "\"quantity\":\"1e3\"", "quantity"),
            ("\"success\":true", "\"success\":\"yes\"", "success"),
        ])
    func wrongTypes(original: String, replacement: String, field: String) async throws {
        let text = String(decoding: try SpecExample.data("order-active.response"), as: UTF8.self)
        let compact = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\n", with: "")
        let broken = compact.replacingOccurrences(of: original, with: replacement)
        try #require(broken != compact, "the fixture holds \(original)")
        expectMalformed(try await activeOrdersFailure(body: Data(broken.utf8)), reasonContains: field)
    }

    @Test("an unknown executionType, side or orderType decodes as unknown; the page survives")
    func unknownEnumValues() async throws {
        var text = String(decoding: try SpecExample.data("order-active.response"), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"EXECUTION_PARTIAL_FILLED\"", with: "\"EXECUTION_EXPIRED\"")
        text = text.replacingOccurrences(of: "\"ASK\"", with: "\"SHORT\"")
        let orders = try await apiClient(CannedTransport(body: Data(text.utf8))).activeOrders(owner: "2")
        #expect(orders.count == 2)
        #expect(orders[0].executionType == .acknowledged)
        #expect(orders[1].executionType == .unknown("EXECUTION_EXPIRED"))
        #expect(!orders[1].executionType.isActive && !orders[1].executionType.isKnown)
        #expect(orders[1].side == .unknown("SHORT"))
        let reencoded = String(decoding: try JSONEncoder().encode(orders[1]), as: UTF8.self)
        #expect(reencoded.contains("\"EXECUTION_EXPIRED\""), "the unknown text is kept for the store")
    }

    @Test("a 10 MB page of valid orders decodes")
    func tenMegabytesValid() async throws {
        let order = String(decoding: try SpecExample.data("order"), as: UTF8.self)
        let count = 10_000_000 / order.utf8.count + 1
        let body = #"{"success":true,"errorCode":0,"errorMsg":"ok","data":["# + Array(repeating: order, count: count).joined(separator: ",") + "]}"
        #expect(body.utf8.count > 10_000_000)
        let orders = try await apiClient(CannedTransport(body: Data(body.utf8))).activeOrders(owner: "2")
        #expect(orders.count == count)
    }

    @Test("a 10 MB body that is not JSON: malformed, with a short excerpt")
    func tenMegabytesGarbage() async throws {
        var body = Data(#"{"success":true,"errorCode":0,"data":["#.utf8)
        body.append(Data(repeating: UInt8(ascii: "x"), count: 10_000_000))
        let failure = try await activeOrdersFailure(body: body)
        guard case .malformedResponse(_, _, _, let excerpt) = failure else {
            Issue.record("expected malformedResponse, got \(String(describing: failure))")
            return
        }
        #expect(excerpt.utf8.count <= 240)
        #expect("\(failure!)".utf8.count < 1_000, "the error message stays readable")
    }

    @Test("the token never appears in an error, even when the body echoes it")
    func tokenRedacted() async throws {
        let otherToken = "eyJhbGciOiJIUzI1NiJ9.eyJ1aWQiOjN9.c2lnbmF0dXJl"
        let body = #"{"success":true,"data":{"authToken":"\#(specLoginToken.rawValue)","echo":"Bearer \#(specLoginToken.rawValue)","other":"\#(otherToken)"}}"#
        let failure = try await activeOrdersFailure(body: Data(body.utf8))
        guard case .malformedResponse(_, _, _, let excerpt) = failure else {
            Issue.record("expected malformedResponse, got \(String(describing: failure))")
            return
        }
        let message = "\(failure!)"
        for text in [excerpt, message, String(reflecting: failure!)] {
            #expect(!text.contains(specLoginToken.rawValue))
            #expect(!text.contains("YrYttRaGcFWro6WFsGkm3arnSQXyF1ZOWfT2"), "not even the signature")
            #expect(!text.contains(otherToken))
        }
        #expect(excerpt.contains("<redacted>"))
    }

    @Test("a 502 HTML page from a proxy is transient and may have reached the server")
    func badGateway() async throws {
        let failure = try await activeOrdersFailure(status: 502, body: Data("<html><body><h1>502 Bad Gateway</h1></body></html>".utf8))
        guard case .transient(_, .serverError(let status)) = failure else {
            Issue.record("expected a transient server error, got \(String(describing: failure))")
            return
        }
        #expect(status == 502)
        #expect(failure?.isTransient == true && failure?.mayHaveReachedServer == true)
    }

    @Test("429 carries its Retry-After, in seconds or as an HTTP date")
    func rateLimited() async throws {
        let seconds = try await activeOrdersFailure(status: 429, headers: ["Retry-After": "7"], body: Data())
        #expect(seconds?.retryAfter == .seconds(7))
        #expect(seconds?.isTransient == true && seconds?.mayHaveReachedServer == false)

        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let date = formatter.string(from: Date().addingTimeInterval(120))
        let dated = try await activeOrdersFailure(status: 429, headers: ["retry-after": date], body: Data())
        let delay = try? #require(dated?.retryAfter)
        #expect(delay.map { $0 > .seconds(100) && $0 <= .seconds(121) } == true, "got \(String(describing: delay))")

        let bare = try await activeOrdersFailure(status: 429, body: Data())
        guard case .transient(_, .rateLimited(nil)) = bare else {
            Issue.record("expected rateLimited without a delay, got \(String(describing: bare))")
            return
        }
    }

    @Test("HTTP 200 with errorCode 403 in the body is an authentication failure")
    func authenticationFailureIn200() async throws {
        let failure = try await activeOrdersFailure(body: try SpecExample.data("envelope-error"))
        guard case .authenticationFailed = failure else {
            Issue.record("expected authenticationFailed, got \(String(describing: failure))")
            return
        }
    }

    @Test("an undocumented status with an HTML body says what to check")
    func unexpectedStatus() async throws {
        let failure = try await activeOrdersFailure(status: 404, body: Data("<html>Not Found</html>".utf8))
        guard case .unexpectedStatus(_, 404, let excerpt) = failure else {
            Issue.record("expected unexpectedStatus 404, got \(String(describing: failure))")
            return
        }
        #expect(excerpt.contains("Not Found"))
        #expect("\(failure!)".contains("is the endpoint the API's base URL (it ends in /exp/v2)?"))
    }

    @Test(
        "transport failures: whether the request may have reached the server",
        arguments: [
            (TransportError.cannotConnect("refused"), false),
            (.timedOut, true),
            (.connectionLost, true),
            (.responseTooLarge(limit: 8), true),
        ])
    func transportFailures(cause: TransportError, mayHaveReached: Bool) async throws {
        let failure = try await error {
            try await apiClient(CannedTransport(.failure(cause))).createOrder(
                NewOrder(
                    orderType: .limit, symbol: "ETH-USDT", side: .bid, owner: "2", counterParty: "binance", price: "1", quantity: "1"
                ))
        }
        #expect(failure?.isTransient == true)
        #expect(failure?.mayHaveReachedServer == mayHaveReached)
    }

    @Test("an authenticated call without a token sends nothing and says to log in")
    func notLoggedIn() async throws {
        let transport = CannedTransport(body: Data())
        let failure = try await error { try await apiClient(transport, token: nil).favorites(uid: 2) }
        guard case .notLoggedIn = failure else {
            Issue.record("expected notLoggedIn, got \(String(describing: failure))")
            return
        }
        #expect(transport.requests.isEmpty)
        #expect("\(failure!)".contains("log in"))
    }
}
