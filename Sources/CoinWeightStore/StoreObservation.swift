import GRDB

/// The values of a ``StoreQuery`` over time: the current one first, then one after each
/// committed transaction that changes it (never one per row, never a repeat).
public struct StoreObservation<Value: Sendable>: AsyncSequence, Sendable {
    /// A value of the query.
    public typealias Element = Value
    private let base: AsyncValueObservation<Value>

    init(_ base: AsyncValueObservation<Value>) { self.base = base }

    /// Yields the query's values, waiting between two for a commit that changes it.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncValueObservation<Value>.Iterator

        /// The current value on the first call, then the next one a commit brings.
        /// - Throws: an error reading the store, which ends the sequence.
        public mutating func next() async throws -> Value? { try await base.next() }
    }

    /// Starts observing the store: each iterator follows the query on its own, from its
    /// current value on.
    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(base: base.makeAsyncIterator()) }
}
