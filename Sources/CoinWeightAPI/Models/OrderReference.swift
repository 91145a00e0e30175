/// The body of `/order/cancel`: which order, of which owner, on which exchange.
public struct OrderReference: Codable, Hashable, Sendable {
    public var streetOrderId: String
    public var owner: String
    public var counterParty: String

    public init(streetOrderId: String, owner: String, counterParty: String) {
        self.streetOrderId = streetOrderId
        self.owner = owner
        self.counterParty = counterParty
    }
}
