/// The body of `/strategy/start` and `/strategy/stop`.
///
/// Stop carries `bCancel`: `true` stops the strategy and cancels its orders; `false`
/// ("leave") stops it and leaves its orders on the book. Start carries no `bCancel`.
public struct StrategyCommand: Hashable, Sendable {
    /// The user's id as a string, as the spec writes it (`"123"`).
    public var userid: String
    /// The strategy to start or stop, as its configuration item.
    public var strategy: StrategyItem
    /// `nil` for start.
    public var cancelOrders: Bool?

    /// A start (`cancelOrders` `nil`) or a stop: `true` also cancels the strategy's orders,
    /// `false` leaves them on the book.
    public init(userid: String, strategy: StrategyItem, cancelOrders: Bool? = nil) {
        self.userid = userid
        self.strategy = strategy
        self.cancelOrders = cancelOrders
    }
}

extension StrategyCommand: Codable {
    private enum CodingKeys: String, CodingKey { case userid, strategy }

    /// Decodes the body, taking `strategy.bCancel` out of the item into ``cancelOrders``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        userid = try container.decode(String.self, forKey: .userid)
        var item = try container.decode(StrategyItem.self, forKey: .strategy)
        if case .bool(let flag) = item.extraFields.removeValue(forKey: "bCancel") {
            cancelOrders = flag
        } else {
            cancelOrders = nil
        }
        strategy = item
    }

    /// Encodes the body, writing ``cancelOrders``, when set, as `strategy.bCancel`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(userid, forKey: .userid)
        var item = strategy
        if let cancelOrders { item.extraFields["bCancel"] = .bool(cancelOrders) }
        try container.encode(item, forKey: .strategy)
    }
}
