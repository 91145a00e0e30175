import CoinWeightAPI
import CoinWeightTestSupport
import Foundation
import Testing

@Suite("Transport cancellation")
struct TransportCancellationTests {
    /// FoundationNetworking's `data(for:)` can deadlock two threads when its task is
    /// cancelled just as the response arrives (swift-corelibs-foundation issue 5412); on a
    /// 2-core machine that stops every task of the process. A watchdog thread, outside the
    /// cooperative pool, reports the hang instead of waiting for CI's timeout.
    ///
    /// The emulator is a child process: an emulator in this process answers on its
    /// concurrency pool, which the suite's other tests share, and when they held it the
    /// emulator answered past the transports' 15-second timeout.
    @Test("requests cancelled at any moment all end, with .cancelled or their answer", arguments: Wire.allCases)
    func cancelledRequestsAllEnd(wire: Wire) async throws {
        try await withTemporaryDirectory { folder in
            let caFile = folder.appendingPathComponent("ca.pem")
            let tls = wire == .asyncHTTPClientTLS ? ["--tls", "--ca-out", caFile.path] : []
            let emulator = try CWSyncBinary.launch(["--port", "0", "--control"] + tls, of: .emulator)
            defer { emulator.kill() }
            let baseURL = try #require(URL(string: try await emulator.firstLine()), "the emulator's first line is its URL")
            let transport = try wire.transport(trusting: tls.isEmpty ? nil : caFile)
            let faults = try #require(URL(string: baseURL.absoluteString.replacingOccurrences(of: "/exp/v2", with: "/_emulator/faults")))
            /// Sets the emulator's latency for every request.
            func setLatency(milliseconds: Int) async throws {
                let body = Data(#"{"latencyMilliseconds":\#(milliseconds)}"#.utf8)
                let answer = try await transport.send(HTTPRequest(method: .put, url: faults, headers: ["Content-Type": "application/json"], body: body))
                try #require(answer.status == 200, "setting the emulator's latency: HTTP \(answer.status)")
            }
            let client = try CoinWeightClient(baseURL: baseURL, transport: transport)
            let watchdog = Watchdog(seconds: 300, message: "cancelled requests never ended: the transport deadlocked")
            defer { watchdog.disarm() }
            var cancelled = 0
            var answered = 0
            /// Ten requests, cancelled after `delay`; each must end, cancelled or answered.
            func round(cancellingAfter delay: Duration) async throws {
                let requests = (0..<10).map { _ in Task { try await client.symbols() } }
                try await Task.sleep(for: delay)
                for request in requests { request.cancel() }
                for request in requests {
                    do {
                        _ = try await request.value
                        answered += 1
                    } catch .transient(_, .transport(.cancelled)) as CoinWeightError {
                        cancelled += 1
                    }
                }
            }
            // Cancelled at once, or 8 to 56 ms later: before the answer (25 ms of latency), as
            // it arrives, and after it; where a loaded machine runs this late, all may be answered.
            try await setLatency(milliseconds: 25)
            for index in 0..<32 { try await round(cancellingAfter: .milliseconds(8 * (index % 8))) }
            // Then surely while out: the answer takes 2 s.
            try await setLatency(milliseconds: 2_000)
            for _ in 0..<8 { try await round(cancellingAfter: .zero) }
            try await setLatency(milliseconds: 0)
            print("transport cancellation, \(wire): \(cancelled) of 400 requests cancelled, \(answered) answered")
            #expect(cancelled + answered == 400)
            #expect(cancelled >= 40, "the requests cancelled while their answer was 2 s away were cut: \(cancelled)")
            #expect(try await client.symbols().isEmpty == false, "the client still works after 400 cancels")
            let (_, exit, log) = await emulator.terminate()
            #expect(exit == .status(0), "\(log)")
        }
    }
}

/// Ends the process with a message if not disarmed within its time: a hang found by a test
/// then fails the run at once, even when no task of the process can run any more.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var armed = true

    init(seconds: Int, message: String) {
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(seconds)) { [self] in
            if lock.withLock({ armed }) { fatalError(message) }
        }
    }

    func disarm() { lock.withLock { armed = false } }
}
