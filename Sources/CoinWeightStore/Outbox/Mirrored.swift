import CoinWeightAPI
public import Foundation

/// A mirrored row with the write, not yet confirmed by the server, that changed it.
///
/// Its fields read as the row's own (`order.price`, `order.pending`). A trading app shows
/// ``pending`` beside every row that has one: an order queued offline is not on the exchange.
@dynamicMemberLookup
public struct Mirrored<Value: Sendable>: Sendable {
    /// The row as the mirror holds it, optimistic changes included.
    public var value: Value
    /// The write the server has not confirmed yet, or `nil` when the row is the server's.
    public var pending: PendingWrite?
    /// For an order the mirror holds as active: since when the server lists it nowhere
    /// (neither active nor in its history), so that it is not shown active for good.
    public var unlistedSince: Date?

    /// `value` with the write that changed it and, for an order the server lists nowhere, since when.
    public init(_ value: Value, pending: PendingWrite?, unlistedSince: Date? = nil) {
        self.value = value
        self.pending = pending
        self.unlistedSince = unlistedSince
    }

    /// The row's own field: `order.price` reads `order.value.price`.
    public subscript<Field>(dynamicMember field: KeyPath<Value, Field>) -> Field { value[keyPath: field] }
}

extension Mirrored: Equatable where Value: Equatable {}
extension Mirrored: Hashable where Value: Hashable {}

extension Mirrored: Encodable where Value: Encodable {
    private enum CodingKeys: String, CodingKey { case pending, unlistedSince }

    /// The row's own fields, as the API names them, and beside them `"pending"` while there
    /// is one and `"unlistedSince"` (ms) for an order the server no longer lists.
    public func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(pending, forKey: .pending)
        try container.encodeIfPresent(unlistedSince?.millisecondsSince1970, forKey: .unlistedSince)
    }
}
