import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightHTTPClient
import CoinWeightLocalAPI
import CoinWeightStore
import CoinWeightSync
import CoinWeightTestSupport
import Foundation

/// A running emulator and a local API mirroring it, abc logged in through the local API and
/// the first sync done.
struct LocalAPIRig: Sendable {
    let upstream: RestartableEmulator
    let local: LocalAPIHarness
    /// A client of the local API with abc's session.
    let abc: CoinWeightClient
    let transport: any HTTPTransport

    /// Runs `body` with a fresh rig; `configuration` is the local API's.
    static func with<T: Sendable>(
        _ configuration: LocalAPIConfiguration = LocalAPIConfiguration(), sync: SyncConfiguration = SyncConfiguration(), _ body: (LocalAPIRig) async throws -> T
    ) async throws -> T {
        let upstream = try await RestartableEmulator()
        defer { Task { await upstream.stop() } }
        let transport = try AsyncHTTPClientTransport()
        return try await LocalAPIHarness.with(upstream: upstream.baseURL, transport: transport, configuration: configuration, sync: sync) { local in
            let abc = try CoinWeightClient(baseURL: local.baseURL, transport: transport)
            _ = try await abc.login(Credentials(userName: "abc", password: "abc_password"))
            // The login may answer before its first sync is over; the tests start after it.
            _ = await local.mirror.syncNow()
            return try await body(LocalAPIRig(upstream: upstream, local: local, abc: abc, transport: transport))
        }
    }

    /// A request to the local API at `path` (below `/exp/v2`, or from the root when it starts
    /// with `/_cwsync`), with `headers` as given: no bearer unless one is among them.
    func request(_ path: String, method: HTTPRequest.Method = .get, headers: [String: String] = [:], json: String? = nil) async throws -> HTTPResponse {
        let url =
            path.hasPrefix("/_cwsync") ? URL(string: path, relativeTo: local.baseURL)!.absoluteURL : URL(string: local.baseURL.absoluteString + "/" + path)!
        var headers = headers
        if json != nil { headers["Content-Type"] = "application/json" }
        return try await transport.send(HTTPRequest(method: method, url: url, headers: headers, body: json.map { Data($0.utf8) }))
    }

    /// The headers of the store's API key as bearer.
    var withKey: [String: String] { ["Authorization": "Bearer \(local.apiKey)"] }
}

extension HTTPResponse {
    /// The body as a JSON object.
    var object: [String: Any] { ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]) ?? [:] }
    var text: String { String(decoding: body, as: UTF8.self) }
}
