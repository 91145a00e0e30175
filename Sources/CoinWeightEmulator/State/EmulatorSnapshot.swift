import CoinWeightAPI

/// The whole state of an emulator, as `GET /_emulator/state` dumps it: what tests compare a
/// synced mirror against. Secrets appear masked, passwords not at all.
public struct EmulatorSnapshot: Codable, Hashable, Sendable {
    /// Users by ascending uid.
    public var users: [EmulatedUser]
    /// Every order, by ascending `createTime` then id.
    public var orders: [Order]
    /// Every registered API key, secret masked.
    public var secrets: [SecretMetadata]
    public var symbols: [CounterPartySymbols]
    public var faults: FaultPlan
    public var faultCounts: FaultCounts

    /// The orders of one owner.
    public func orders(owner: String) -> [Order] { orders.filter { $0.owner == owner } }

    /// The user with that uid.
    public func user(_ uid: Int) -> EmulatedUser? { users.first { $0.uid == uid } }
}
