import CoinWeightAPI
import CoinWeightEmulator
import Foundation
import Testing

@Suite("Transport cancellation")
struct TransportCancellationTests {
    /// FoundationNetworking's `data(for:)` can deadlock two threads when its task is
    /// cancelled just as the response arrives (swift-corelibs-foundation issue 5412); on a
    /// 2-core machine that stops every task of the process. A watchdog thread, outside the
    /// cooperative pool, reports the hang instead of waiting for CI's timeout.
    @Test("requests cancelled at any moment all end, with .cancelled or their answer", arguments: Wire.allCases)
    func cancelledRequestsAllEnd(wire: Wire) async throws {
        try await wire.withRunning { running, state in
            await state.setFaults(FaultPlan(latencyMilliseconds: 2))
            let client = try CoinWeightClient(baseURL: running.baseURL, transport: running.transport)
            let watchdog = Watchdog(seconds: 300, message: "cancelled requests never ended: the transport deadlocked")
            defer { watchdog.disarm() }
            var cancelled = 0
            var answered = 0
            for round in 0..<40 {
                let requests = (0..<10).map { _ in Task { try await client.symbols() } }
                try await Task.sleep(for: .microseconds(500 * (round % 8)))
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
            #expect(cancelled + answered == 400)
            #expect(cancelled > 0, "some requests were cut while out")
            #expect(try await client.symbols().isEmpty == false, "the client still works after 400 cancels")
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
