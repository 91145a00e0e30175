import GRDB

/// A read of the store, usable once with ``CoinWeightStore/read(_:)`` or as a live
/// observation with ``CoinWeightStore/observe(_:)``.
///
/// Queries are built by the static functions of its extensions: ``orders(_:after:limit:)``,
/// ``favorites(uid:)``, ``layout(_:scope:)``...
public struct StoreQuery<Value: Sendable>: Sendable {
    let fetch: @Sendable (Database) throws -> Value

    init(_ fetch: @escaping @Sendable (Database) throws -> Value) { self.fetch = fetch }
}
