import CoinWeightAPI

/// What a campaign queued, and so what the server must hold once everything is delivered:
/// each order and strategy exactly once, the favorites and the professional layout as the
/// last writes left them.
struct WriteLedger: Sendable {
    /// The quantity that tells each campaign order apart (price and market are the same).
    private(set) var orderQuantities: [String] = []
    /// The local id each create printed, by quantity, while its order is not cancelled.
    private(set) var openOrders: [String: String] = [:]
    /// The quantities of the orders a cancel was queued for: on the server at most once, and
    /// not active.
    private(set) var cancelledQuantities: Set<String> = []
    /// The names of the strategies created.
    private(set) var strategyNames: [String] = []
    /// The favorites the writes so far leave, starting from the server's.
    private(set) var favorites: Set<MarketPair>
    /// The professional layout the writes so far leave, starting from the server's.
    private(set) var professionalLayout: [Int: MarketPair]
    /// Writes queued, by command (`order create`, `favorite add`, …).
    private(set) var queued: [String: Int] = [:]

    init(favorites: [MarketPair], professionalLayout: [LayoutSlot]) {
        self.favorites = Set(favorites)
        self.professionalLayout = Dictionary(
            uniqueKeysWithValues: professionalLayout.map {
                ($0.position, MarketPair(counterParty: $0.counterParty, symbol: $0.symbol))
            })
    }

    /// Every write queued.
    var total: Int { queued.values.reduce(0, +) }

    mutating func orderCreated(quantity: String, localID: String) {
        orderQuantities.append(quantity)
        openOrders[quantity] = localID
        queued["order create", default: 0] += 1
    }

    mutating func orderCancelled(quantity: String) {
        openOrders[quantity] = nil
        cancelledQuantities.insert(quantity)
        queued["order cancel", default: 0] += 1
    }

    mutating func strategyCreated(name: String) {
        strategyNames.append(name)
        queued["strategy create", default: 0] += 1
    }

    /// Records the toggle of `pair`, and says which command it is: `add` or `remove`.
    mutating func favoriteToggled(_ pair: MarketPair) -> String {
        let verb = favorites.insert(pair).inserted ? "add" : "remove"
        if verb == "remove" { favorites.remove(pair) }
        queued["favorite \(verb)", default: 0] += 1
        return verb
    }

    mutating func layoutSet(position: Int, to pair: MarketPair) {
        professionalLayout[position] = pair
        queued["layout set", default: 0] += 1
    }
}
