import CoinWeightTestSupport
import Foundation
import Testing

/// `cwsync-emulator` as a user runs it: a process that prints its base URL, answers, and
/// stops cleanly on SIGTERM.
@Suite("cwsync-emulator binary")
struct EmulatorBinaryTests {
    /// `curl -s URL`'s output, as a user checks the emulator by hand.
    private func curl(_ url: URL) async throws -> Data {
        let curl = ["/usr/bin/curl", "/usr/local/bin/curl"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let path = try #require(curl, "curl is missing: run scripts/bootstrap")
        return try await withTemporaryDirectory { folder in
            let body = folder.appendingPathComponent("body")
            let child = try ChildProcess.spawn(path, ["-s", "--max-time", "60", url.absoluteString], output: body)
            let exit = await child.exited()
            try #require(exit == .status(0), "curl: \(exit)")
            return try Data(contentsOf: body)
        }
    }

    // How fast it starts is the benchmarks' business (their emulator child process reports its
    // startup); timed here, in a suite running dozens of processes at once, it only flaked.
    @Test("prints the base URL, answers `curl <base>/config/symbols` with the spec's envelope, exits 0 on SIGTERM")
    func startAnswerStop() async throws {
        let emulator = try CWSyncBinary.launch(["--port", "0"], of: .emulator)
        defer { emulator.kill() }

        let line = try await emulator.firstLine()
        let baseURL = try #require(URL(string: line), "first line: \(line)")
        #expect(baseURL.path == "/exp/v2" && baseURL.host == "127.0.0.1")

        let body = try await curl(baseURL.appendingPathComponent("config/symbols"))
        let envelope = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        #expect(Set(envelope.keys) == ["success", "errorCode", "errorMsg", "data"])
        #expect(envelope["success"] as? Bool == true && envelope["errorCode"] as? Int == 0 && envelope["errorMsg"] as? String == "ok")
        let exchanges = try #require(envelope["data"] as? [[String: Any]])
        #expect(!exchanges.isEmpty && exchanges.allSatisfy { $0["counterParty"] is String && $0["symbols"] is [Any] })

        let (_, exit, log) = await emulator.terminate()
        #expect(exit == .status(0), "\(log)")
    }

    @Test("a port another program listens on: one line naming it and what to do, exit 1, nothing on standard output")
    func portInUse() async throws {
        let first = try CWSyncBinary.launch(["--port", "0"], of: .emulator)
        defer { first.kill() }
        let port = try #require(URL(string: try await first.firstLine())?.port)
        let second = try await CWSyncBinary.run(["--port", String(port)], of: .emulator, deadline: .seconds(60))
        #expect(second.status == 1 && second.out.isEmpty, "exit \(second.status): \(second.out)\(second.err)")
        #expect(
            second.errorLines == [
                "cwsync-emulator: port \(port) of 127.0.0.1 is already in use by another program: stop it, or pick another --port (0 picks a free one)"
            ], "\(second.err)")
        let (_, exit, log) = await first.terminate()
        #expect(exit == .status(0), "the first one still runs and stops cleanly: \(log)")
    }

    @Test(
        "a bad flag stops before listening or syncing, with a usage message naming it and exit 64",
        arguments: [
            (["--port", "70000"], "--port must be between 0 and 65535"),
            (["serve", "--port", "eighty"], "The value 'eighty' is invalid for '--port <port>'"),
            (["--seed-orders=-5"], "--seed-orders must be 0 or more"),
            (["--seed-orders", "-5"], "Missing value for '--seed-orders <seed-orders>'"),
            (["--seed-orders", "many"], "The value 'many' is invalid for '--seed-orders <seed-orders>'"),
            (["--ca-out", "/tmp/ca.pem"], "--ca-out goes with --tls"),
            (["--no-such-flag"], "Unknown option '--no-such-flag'"),
            (["quickstart", "--seed-orders", "1.5"], "The value '1.5' is invalid for '--seed-orders <seed-orders>'"),
        ])
    func badFlags(arguments: [String], expected: String) async throws {
        let run = try await CWSyncBinary.run(arguments, of: .emulator)
        #expect(run.status == 64)
        #expect(run.out.isEmpty, "no base URL is printed")
        #expect(run.errorLines.first?.hasPrefix("Error: ") == true && run.err.contains(expected) && run.err.contains("Usage:"), "\(run.err)")
    }
}
