import CoinWeightTestSupport

extension CWSyncBinary {
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
