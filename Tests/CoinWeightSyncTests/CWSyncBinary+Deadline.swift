import CoinWeightTestSupport
import Foundation

/// What one run of the built `cwsync` printed, and how it ended.
struct CWSyncRun: Sendable {
    var status: Int32
    var out: String
    var err: String
    /// Whether it was still running at its deadline and was killed.
    var killed: Bool

    /// The lines of standard error, without empty ones.
    var errorLines: [Substring] { err.split(separator: "\n") }
}

extension CWSyncBinary {
    /// Runs `cwsync arguments` to its end on a thread of its own (the test's concurrency pool
    /// stays free), killing it if it runs past `deadline`: a command that should refuse at
    /// once must not hang a sweep.
    static func run(_ arguments: [String], deadline: Duration) async throws -> CWSyncRun {
        let (process, out, err) = try launch(arguments)
        let killer = Task {
            try await Task.sleep(for: deadline)
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        defer { killer.cancel() }
        let (output, errors) = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let output = out.fileHandleForReading.readDataToEndOfFile()
                let errors = err.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: (output, errors))
            }
        }
        return CWSyncRun(
            status: process.terminationStatus, out: String(decoding: output, as: UTF8.self), err: String(decoding: errors, as: UTF8.self),
            killed: process.terminationReason == .uncaughtSignal)
    }

    /// Runs `body` for every item, at most `lanes` at once: the sweeps start many short
    /// processes, and the machine has two cores shared with other builds.
    static func sweep<Item: Sendable>(_ items: [Item], lanes: Int = 2, _ body: @escaping @Sendable (Item) async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            var pending = items[...]
            for _ in 0..<lanes {
                guard let item = pending.popFirst() else { break }
                group.addTask { try await body(item) }
            }
            while try await group.next() != nil {
                guard let item = pending.popFirst() else { continue }
                group.addTask { try await body(item) }
            }
        }
    }
}
