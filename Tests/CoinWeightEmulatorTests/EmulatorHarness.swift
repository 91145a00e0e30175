import CoinWeightAPI
import CoinWeightEmulator
import Foundation
import Testing

/// A running emulator with abc (uid 2) and eve (uid 3) logged in, and raw HTTP to it.
struct EmulatorHarness {
    let running: RunningEmulator
    let state: EmulatorState
    let abc: CoinWeightClient
    let eve: CoinWeightClient

    /// Runs `body` against a fresh emulator (control surface on) with both users logged in.
    static func with<T: Sendable>(
        _ configuration: EmulatorConfiguration = EmulatorConfiguration(controlEnabled: true),
        _ body: (EmulatorHarness) async throws -> T
    ) async throws -> T {
        try await CoinWeightEmulator.withRunning(configuration) { running, state in
            let abc = try CoinWeightClient(baseURL: running.baseURL)
            _ = try await abc.login(Credentials(userName: "abc", password: "abc_password"))
            let eve = try CoinWeightClient(baseURL: running.baseURL)
            _ = try await eve.login(Credentials(userName: "eve", password: "eve_password"))
            return try await body(EmulatorHarness(running: running, state: state, abc: abc, eve: eve))
        }
    }

    /// One raw HTTP exchange, for what the typed client would not send.
    func raw(_ method: HTTPRequest.Method, _ url: URL, token: String? = nil, json: String? = nil) async throws -> HTTPResponse {
        var headers: [String: String] = [:]
        if let token { headers["Authorization"] = "Bearer \(token)" }
        if json != nil { headers["Content-Type"] = "application/json" }
        return try await URLSessionTransport().send(HTTPRequest(method: method, url: url, headers: headers, body: json.map { Data($0.utf8) }))
    }

    /// An API path's URL.
    func api(_ path: String) -> URL { URL(string: running.baseURL.absoluteString + path)! }

    /// A control surface path's URL.
    func control(_ path: String) -> URL { URL(string: running.controlURL.absoluteString + path)! }

    /// Sets the fault plan through the control surface, as an out-of-process test would.
    func setFaults(_ json: String) async throws {
        let response = try await raw(.put, control("/faults"), json: json)
        #expect(response.status == 200, "PUT /faults: \(String(decoding: response.body, as: UTF8.self))")
    }

    /// The state dump from the control surface.
    func snapshot() async throws -> EmulatorSnapshot {
        let response = try await raw(.get, control("/state"))
        try #require(response.status == 200)
        return try JSONDecoder().decode(EmulatorSnapshot.self, from: response.body)
    }

    /// An abc LIMIT order on binance ETH-USDT that rests on the book.
    static func restingOrder(owner: String = "2") -> NewOrder {
        NewOrder(orderType: .limit, symbol: "ETH-USDT", side: .bid, owner: owner, counterParty: "binance", price: "2000.50", quantity: "1.2500")
    }
}
