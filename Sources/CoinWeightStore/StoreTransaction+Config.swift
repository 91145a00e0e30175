package import CoinWeightAPI
import Foundation
import GRDB

/// The Config API's resources: symbols, markets, favorites, layouts. Each call replaces
/// the whole list it is given the scope of, so what the server dropped goes.
extension StoreTransaction {
    /// Replaces the symbols config (`/config/symbols`) of every exchange, in the server's
    /// order: shared by every user of the store.
    package func replaceSymbols(_ exchanges: [CounterPartySymbols]) throws {
        var position = 0
        let rows = exchanges.flatMap { exchange in
            exchange.symbols.map { symbol -> StatementArguments in
                position += 1
                return [
                    exchange.counterParty, symbol.name, symbol.base, symbol.quote, symbol.priceDecimal, symbol.quantityDecimal,
                    symbol.quantityMin.storeText, symbol.quantityMax.storeText, position,
                ]
            }
        }
        try replaceRows(
            in: "symbol", where: "1", [],
            columns: [
                "counter_party", "name", "base", "quote", "price_decimal", "quantity_decimal", "quantity_min", "quantity_max", "position",
            ], rows: rows)
    }

    /// Replaces the market tabs of `scope` (`/config/market/default` or
    /// `/config/market/custom/{uid}`), in the server's order, favorite flags included.
    package func replaceMarkets(_ categories: [MarketCategory], scope: ResourceScope) throws {
        let rows = categories.enumerated().flatMap { categoryIndex, category in
            category.items.enumerated().map { index, item -> StatementArguments in
                [scope.key, category.category, categoryIndex, index, item.counterParty, item.symbol, item.favorite]
            }
        }
        try replaceRows(
            in: "market_item", where: "scope = ?", [scope.key],
            columns: [
                "scope", "category", "category_position", "position", "counter_party", "symbol", "favorite",
            ], rows: rows)
    }

    /// Replaces the favorites of `uid` (`/config/market/custom/{uid}/favorite`), in the
    /// server's order; a pair listed twice is kept once, at its first place.
    package func replaceFavorites(_ favorites: [MarketItem], uid: UserID) throws {
        var seen = Set<MarketPair>()
        let rows = favorites.enumerated().compactMap { index, item -> StatementArguments? in
            guard seen.insert(item.pair).inserted else { return nil }
            return [uid.rawValue, item.counterParty, item.symbol, index]
        }
        try replaceRows(in: "favorite", where: "uid = ?", [uid.rawValue], columns: ["uid", "counter_party", "symbol", "position"], rows: rows)
    }

    /// Replaces the slots of the `kind` layout of `scope` (`/config/layout/{kind}/default`
    /// or `/config/layout/{kind}/custom/{uid}`).
    package func replaceLayout(_ slots: [LayoutSlot], kind: LayoutKind, scope: ResourceScope) throws {
        let rows = slots.map { slot -> StatementArguments in
            [kind.rawValue, scope.key, slot.position, slot.counterParty, slot.symbol]
        }
        try replaceRows(
            in: "layout_slot", where: "kind = ? AND scope = ?", [kind.rawValue, scope.key],
            columns: [
                "kind", "scope", "position", "counter_party", "symbol",
            ], rows: rows)
    }
}

extension Decimal {
    /// The value as plain decimal text, the same on every locale. `Decimal.description` is
    /// locale-free (always `.`) and gives the same text as
    /// `NSDecimalNumber.description(withLocale: en_US_POSIX)` without loading ICU's number
    /// formatting data, which stayed resident in `cwsync run` (about 1.7 MiB) after a sync of
    /// the symbols config.
    var storeText: String { description }
}
