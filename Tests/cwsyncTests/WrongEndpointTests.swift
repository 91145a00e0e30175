import CoinWeightEmulator
import CoinWeightTestSupport
import Foundation
import Testing

/// The endpoint mistakes a newcomer makes: the server's root instead of the API's base URL,
/// `https://` to a server that speaks plain HTTP. Each is one line saying what to fix, exit 1,
/// and nothing saved; never "retried later".
@Suite("A wrong endpoint")
struct WrongEndpointTests {
    @Test("the server's root (404 everywhere): is it the API's base URL?; https:// to plain HTTP: a configuration error, not retried later")
    func wrongEndpoints() async throws {
        try await CoinWeightEmulator.withRunning(EmulatorConfiguration()) { running, _ in
            try await withTemporaryDirectory { folder in
                let store = folder.appendingPathComponent("cwsync.sqlite").path
                let port = try #require(running.baseURL.port)
                let root = try await CWSyncBinary.run(
                    ["login", "--user", "abc", "--password-stdin", "--store", store, "--endpoint", "http://127.0.0.1:\(port)/"], input: "abc_password\n")
                #expect(root.status == 1 && root.errorLines.count == 1, "\(root.err)")
                #expect(root.err.contains("404") && root.err.contains("is the endpoint the API's base URL (it ends in /exp/v2)?"), "\(root.err)")

                let tls = try await CWSyncBinary.run(
                    ["login", "--user", "abc", "--password-stdin", "--store", store, "--endpoint", "https://127.0.0.1:\(port)/exp/v2"], input: "abc_password\n")
                #expect(tls.status == 1 && tls.errorLines.count == 1, "\(tls.err)")
                #expect(tls.err.contains("no secure connection") && tls.err.contains("will not help") && !tls.err.contains("retried later"), "\(tls.err)")
                #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("session.json").path), "no session saved")
            }
        }
    }
}
