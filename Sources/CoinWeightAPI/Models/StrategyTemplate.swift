/// A strategy type with its default parameters, from `/config/strategy/default/items`.
public struct StrategyTemplate: Codable, Hashable, Sendable {
    /// The strategy type, for example `VolumeMarketMaker`.
    public var name: String
    /// The parameters a new strategy of this type starts from.
    public var defaultItem: StrategyItem

    /// Creates a template with the given fields.
    public init(name: String, defaultItem: StrategyItem) {
        self.name = name
        self.defaultItem = defaultItem
    }

    enum CodingKeys: String, CodingKey {
        case name
        case defaultItem = "default"
    }
}
