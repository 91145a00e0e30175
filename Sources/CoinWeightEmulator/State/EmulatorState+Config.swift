import CoinWeightAPI
import CoinWeightServing

/// The Config API: symbols, markets, favorites and layouts.
extension EmulatorState {
    func symbols() -> [CounterPartySymbols] { SeedCatalog.symbols }

    /// The market tabs, with each item's favorite flag for `user` (all false without one).
    func markets(for user: EmulatedUser?) -> [MarketCategory] {
        let favorites = Set(user?.favorites ?? [])
        return SeedCatalog.marketCategories.map { category, pairs in
            MarketCategory(
                category: category,
                items: pairs.map {
                    MarketItem(counterParty: $0.counterParty, symbol: $0.symbol, favorite: favorites.contains($0))
                })
        }
    }

    func favorites(_ user: EmulatedUser) -> [MarketItem] {
        user.favorites.map { MarketItem(counterParty: $0.counterParty, symbol: $0.symbol, favorite: true) }
    }

    /// Adding an existing favorite succeeds and changes nothing.
    func addFavorite(_ pair: MarketPair, _ user: EmulatedUser) throws(APIFailure) {
        try requireTradable(pair.counterParty, pair.symbol)
        try mutateUser(user.uid) { user in
            if !user.favorites.contains(pair) { user.favorites.append(pair) }
        }
    }

    /// Deleting an absent favorite succeeds.
    func deleteFavorite(_ pair: MarketPair, _ user: EmulatedUser) throws(APIFailure) {
        try mutateUser(user.uid) { user in user.favorites.removeAll { $0 == pair } }
    }

    func defaultLayout(_ kind: LayoutKind) -> [LayoutSlot] {
        kind == .professional ? SeedCatalog.professionalLayout : SeedCatalog.simpleLayout
    }

    func layout(_ kind: LayoutKind, _ user: EmulatedUser) -> [LayoutSlot] {
        kind == .professional ? user.professionalLayout : user.simpleLayout
    }

    /// Puts a symbol at a position; a position outside the layout's range is error 4.
    func updateLayout(_ kind: LayoutKind, slot: LayoutSlot, _ user: EmulatedUser) throws(APIFailure) {
        guard kind.positions.contains(slot.position) else {
            throw .parameters("position \(slot.position) is outside \(kind.positions.lowerBound)-\(kind.positions.upperBound)")
        }
        try requireTradable(slot.counterParty, slot.symbol)
        try mutateUser(user.uid) { user in
            var slots = kind == .professional ? user.professionalLayout : user.simpleLayout
            slots.removeAll { $0.position == slot.position }
            slots.append(slot)
            slots.sort { $0.position < $1.position }
            if kind == .professional { user.professionalLayout = slots } else { user.simpleLayout = slots }
        }
    }

    private func requireTradable(_ counterParty: String, _ symbol: String) throws(APIFailure) {
        guard OrderRules(symbols: SeedCatalog.symbols).spec(counterParty: counterParty, symbol: symbol) != nil else {
            throw .parameters("\(symbol) is not traded on \(counterParty)")
        }
    }
}
