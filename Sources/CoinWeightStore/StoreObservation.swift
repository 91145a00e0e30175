import GRDB

/// The values of a ``StoreQuery`` over time: the current one first, then one after each
/// committed transaction that changes it (never one per row, never a repeat).
public struct StoreObservation<Value: Sendable>: AsyncSequence, Sendable {
    public typealias Element = Value
    private let base: AsyncValueObservation<Value>

    init(_ base: AsyncValueObservation<Value>) { self.base = base }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncValueObservation<Value>.Iterator

        public mutating func next() async throws -> Value? { try await base.next() }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(base: base.makeAsyncIterator()) }
}
