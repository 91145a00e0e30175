import CoinWeightTestSupport
import Foundation
import Testing

/// `cwsync emulator` as a user runs it: a process that prints its base URL, answers, and
/// stops cleanly on SIGTERM.
@Suite("cwsync emulator binary")
struct EmulatorBinaryTests {
    private func launch(_ arguments: [String]) throws -> (Process, Pipe, Pipe) { try CWSyncBinary.launch(arguments) }

    /// `curl -s URL`'s output, as a user checks the emulator by hand.
    private func curl(_ url: URL) throws -> Data {
        let curl = ["/usr/bin/curl", "/usr/local/bin/curl"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let path = try #require(curl, "curl is missing: run scripts/bootstrap")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-s", "--max-time", "2", url.absoluteString]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let body = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "curl exited \(process.terminationStatus)")
        return body
    }

    // How fast it starts is the benchmarks' business (their emulator child process reports its
    // startup); timed here, in a suite running dozens of processes at once, it only flaked.
    @Test("prints the base URL, answers `curl <base>/config/symbols` with the spec's envelope, exits 0 on SIGTERM")
    func startAnswerStop() async throws {
        let (process, out, _) = try launch(["emulator", "--port", "0"])
        defer { if process.isRunning { process.terminate() } }

        let line = try await Task.detached { () -> String? in
            var bytes = Data()
            while let byte = try out.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) { bytes += byte }
            return String(data: bytes, encoding: .utf8)
        }.value
        let baseURL = try #require(line.flatMap(URL.init(string:)), "first line: \(line ?? "nothing")")
        #expect(baseURL.path == "/exp/v2" && baseURL.host == "127.0.0.1")

        let body = try curl(baseURL.appendingPathComponent("config/symbols"))
        let envelope = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        #expect(Set(envelope.keys) == ["success", "errorCode", "errorMsg", "data"])
        #expect(envelope["success"] as? Bool == true && envelope["errorCode"] as? Int == 0 && envelope["errorMsg"] as? String == "ok")
        let exchanges = try #require(envelope["data"] as? [[String: Any]])
        #expect(!exchanges.isEmpty && exchanges.allSatisfy { $0["counterParty"] is String && $0["symbols"] is [Any] })

        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    }

    @Test("a bad flag stops before listening, with a message and a non-zero exit", arguments: [
        ["emulator", "--port", "70000"], ["emulator", "--port", "eighty"], ["emulator", "--seed-orders", "-5"], ["emulator", "--no-such-flag"],
    ])
    func badFlags(arguments: [String]) throws {
        let (process, out, err) = try launch(arguments)
        process.waitUntilExit()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus != 0)
        #expect(out.fileHandleForReading.readDataToEndOfFile().isEmpty, "no base URL is printed")
        #expect(message.contains("Error:") && message.contains("Usage:"), "\(message)")
    }
}
