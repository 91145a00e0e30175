import AsyncHTTPClient
import CoinWeightAPI
import CoinWeightLocalAPI
import CoinWeightStore
import CoinWeightTestSupport
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// Who the local API lets in: the store's key or the session's token, requests that name this
/// listener, and no browser origin but its own and those allowed.
@Suite("Local API refusals")
struct RefusalTests {
    @Test("no bearer, or one that is neither the store's key nor the session's token, is 403 in the API's envelope; both of those are let in")
    func bearers() async throws {
        try await LocalAPIRig.with { rig in
            let path = "order/active?owner=2"
            for headers in [[:], ["Authorization": "Bearer nope"], ["Authorization": "Basic YWJjOmFiYw=="], ["Authorization": "Bearer \(rig.local.apiKey)x"]] {
                let refused = try await rig.request(path, headers: headers)
                #expect(refused.status == 403, "\(headers)")
                #expect(refused.object["success"] as? Bool == false && refused.object["errorCode"] as? Int == 403, "\(refused.text)")
            }
            let token = try #require(rig.abc.authToken)
            for bearer in [rig.local.apiKey, token.rawValue] {
                let answered = try await rig.request(path, headers: ["Authorization": "Bearer \(bearer)"])
                #expect(answered.status == 200 && answered.object["success"] as? Bool == true, "\(answered.text)")
                #expect(answered.header("CWSync-Synced-At").map { $0 != "never" } == true, "the login synced the active orders")
            }
            // The spec's open endpoints stay open.
            #expect(try await rig.request("config/symbols").status == 200)
        }
    }

    @Test("a renewed key works at once, and the old one no longer does")
    func renewedKey() async throws {
        try await LocalAPIRig.with { rig in
            let old = rig.local.apiKey
            let new = try LocalAPIKey.load(besideStore: rig.local.store.path, renew: true)
            #expect(new != old && new.hasPrefix("cwk_") && new.count == 4 + 64)
            let mode = try FileManager.default.attributesOfItem(atPath: LocalAPIKey.path(besideStore: rig.local.store.path))[.posixPermissions] as? Int
            #expect(mode == 0o600)
            #expect(try await rig.request("config/market/custom/2/favorite", headers: ["Authorization": "Bearer \(old)"]).status == 403)
            #expect(try await rig.request("config/market/custom/2/favorite", headers: ["Authorization": "Bearer \(new)"]).status == 200)
        }
    }

    @Test("a Host header that does not name the listener (a DNS rebinding) is refused, whatever the bearer")
    func foreignHost() async throws {
        try await LocalAPIRig.with { rig in
            let port = try #require(rig.local.baseURL.port)
            for host in ["evil.example:\(port)", "127.0.0.1:\(port + 1)", "evil.example", "127.0.0.1.evil.example:\(port)"] {
                let refused = try await rig.request("config/symbols", headers: rig.withKey.merging(["Host": host]) { $1 })
                #expect(refused.status == 403, "\(host)")
                #expect((refused.object["errorMsg"] as? String)?.contains("Host") == true, "\(refused.text)")
            }
            for host in ["localhost:\(port)", "127.0.0.1:\(port)"] {
                #expect(try await rig.request("config/symbols", headers: rig.withKey.merging(["Host": host]) { $1 }).status == 200, "\(host)")
            }
        }
    }

    @Test("a browser origin other than the console's own is refused; an allowed one gets CORS headers, its preflight too")
    func origins() async throws {
        try await LocalAPIRig.with(LocalAPIConfiguration(allowedOrigins: ["http://localhost:3000"])) { rig in
            let own = "http://127.0.0.1:\(try #require(rig.local.baseURL.port))"
            let foreign = try await rig.request("config/market/custom/2/favorite", headers: rig.withKey.merging(["Origin": "http://evil.example"]) { $1 })
            #expect(foreign.status == 403 && (foreign.object["errorMsg"] as? String)?.contains("http://evil.example") == true, "\(foreign.text)")
            let fromConsole = try await rig.request("config/market/custom/2/favorite", headers: rig.withKey.merging(["Origin": own]) { $1 })
            #expect(fromConsole.status == 200 && fromConsole.header("Access-Control-Allow-Origin") == nil)
            let allowed = try await rig.request("config/market/custom/2/favorite", headers: rig.withKey.merging(["Origin": "http://localhost:3000"]) { $1 })
            #expect(allowed.status == 200 && allowed.header("Access-Control-Allow-Origin") == "http://localhost:3000")
            #expect(allowed.header("Access-Control-Expose-Headers")?.contains("CWSync-Synced-At") == true)

            var preflight = HTTPClientRequest(url: rig.local.baseURL.appendingPathComponent("order/create").absoluteString)
            preflight.method = .OPTIONS
            preflight.headers.add(name: "Origin", value: "http://localhost:3000")
            preflight.headers.add(name: "Access-Control-Request-Method", value: "POST")
            let answer = try await HTTPClient.shared.execute(preflight, timeout: .seconds(30))
            #expect(answer.status.code == 204)
            #expect(answer.headers.first(name: "Access-Control-Allow-Headers")?.contains("Authorization") == true)
            #expect(answer.headers.first(name: "Access-Control-Allow-Methods")?.contains("POST") == true)
        }
    }
}

/// The `Host` rule of a listener allowed beyond loopback (`--allow-remote-api`): the machine's
/// addresses with the port are let in, names are not.
@Suite("Local API beyond loopback")
struct RemoteListenerTests {
    @Test("listening on 0.0.0.0: an IP address with the listener's port is let in; a name, or another port, is refused")
    func addressesNotNames() async throws {
        try await LocalAPIRig.with(LocalAPIConfiguration(host: "0.0.0.0")) { rig in
            let port = try #require(rig.local.baseURL.port)
            for host in ["192.0.2.7:\(port)", "[2001:db8::1]:\(port)", "127.0.0.1:\(port)"] {
                let answer = try await rig.request("config/symbols", headers: rig.withKey.merging(["Host": host]) { $1 })
                #expect(answer.status == 200, "\(host): \(answer.text)")
            }
            for host in ["evil.example:\(port)", "192.0.2.7:\(port + 1)", "192.0.2.7"] {
                #expect(try await rig.request("config/symbols", headers: rig.withKey.merging(["Host": host]) { $1 }).status == 403, "\(host)")
            }
        }
    }
}
