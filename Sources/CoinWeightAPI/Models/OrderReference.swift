/// The body of `/order/cancel`: which order, of which owner, on which exchange.
public struct OrderReference: Codable, Hashable, Sendable {
    /// The exchange's id of the order.
    public var streetOrderId: String
    /// The trading account the order belongs to.
    public var owner: String
    /// The exchange the order is on.
    public var counterParty: String

    /// A reference to order `streetOrderId` of `owner` on `counterParty`.
    public init(streetOrderId: String, owner: String, counterParty: String) {
        self.streetOrderId = streetOrderId
        self.owner = owner
        self.counterParty = counterParty
    }
}
