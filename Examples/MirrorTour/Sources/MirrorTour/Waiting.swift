import CoinWeightAPI
import CoinWeightStore
import CoinWeightSync
import Foundation

/// A wait of the tour that did not end in time.
struct TimedOut: Error, CustomStringConvertible {
    var what: String
    var limit: Duration
    var description: String { "timed out after \(limit) waiting for \(what)" }
}

/// A sequence that ended before what was waited for came.
struct EndedEarly: Error, CustomStringConvertible {
    var what: String
    var description: String { "the sequence ended before \(what)" }
}

/// `body`'s result, or ``TimedOut`` after `limit`; `poke`, when given, runs every 200 ms
/// meanwhile (and is cancelled with the rest).
func within<T: Sendable>(
    _ limit: Duration, waitingFor what: String, poke: (@Sendable () async -> Void)? = nil,
    _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw TimedOut(what: what, limit: limit)
        }
        if let poke {
            group.addTask {
                while true {
                    await poke()
                    try await Task.sleep(for: .milliseconds(200))
                }
            }
        }
        defer { group.cancelAll() }
        while let result = try await group.next() {
            if let result { return result }
        }
        throw EndedEarly(what: what)
    }
}

extension CoinWeightMirror {
    /// The first state (the current one included) that `condition` accepts, read from
    /// ``states()``; ``TimedOut`` after `limit`.
    @discardableResult
    func firstState(
        _ what: String, within limit: Duration, poke: (@Sendable () async -> Void)? = nil,
        where condition: @escaping @Sendable (MirrorState) -> Bool
    ) async throws -> MirrorState {
        try await within(limit, waitingFor: what, poke: poke) { [self] in
            for await state in states() where condition(state) { return state }
            throw EndedEarly(what: what)
        }
    }
}
