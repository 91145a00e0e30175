public import CoinWeightAPI
import Foundation
import GRDB

extension StoreQuery {
    /// Every exchange's symbols, in the server's order.
    public static var symbols: StoreQuery<[CounterPartySymbols]> {
        StoreQuery<[CounterPartySymbols]> { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT counter_party, name, base, quote, price_decimal, quantity_decimal, quantity_min, quantity_max
                    FROM symbol ORDER BY position
                    """)
            var exchanges: [CounterPartySymbols] = []
            for row in rows {
                let spec = SymbolSpec(
                    name: row[1], base: row[2], quote: row[3], priceDecimal: row[4], quantityDecimal: row[5],
                    quantityMin: try decimal(row[6], "symbol", "quantity_min"), quantityMax: try decimal(row[7], "symbol", "quantity_max"))
                let counterParty: String = row[0]
                if exchanges.last?.counterParty == counterParty {
                    exchanges[exchanges.count - 1].symbols.append(spec)
                } else {
                    exchanges.append(CounterPartySymbols(counterParty: counterParty, symbols: [spec]))
                }
            }
            return exchanges
        }
    }

    /// The limits of symbol `name` on exchange `counterParty`, when the symbols config lists it there.
    public static func symbol(counterParty: String, name: String) -> StoreQuery<SymbolSpec?> {
        StoreQuery<SymbolSpec?> { db in
            guard
                let row = try Row.fetchOne(
                    db.cachedStatement(
                        sql: """
                            SELECT name, base, quote, price_decimal, quantity_decimal, quantity_min, quantity_max
                            FROM symbol WHERE counter_party = ? AND name = ?
                            """), arguments: [counterParty, name])
            else { return nil }
            return SymbolSpec(
                name: row[0], base: row[1], quote: row[2], priceDecimal: row[3], quantityDecimal: row[4],
                quantityMin: try decimal(row[5], "symbol", "quantity_min"), quantityMax: try decimal(row[6], "symbol", "quantity_max"))
        }
    }

    /// The market tabs of `scope`, favorites flagged.
    public static func markets(scope: ResourceScope) -> StoreQuery<[MarketCategory]> {
        StoreQuery<[MarketCategory]> { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT category_position, category, counter_party, symbol, favorite FROM market_item
                    WHERE scope = ? ORDER BY category_position, position
                    """, arguments: [scope.key])
            var categories: [(Int, MarketCategory)] = []
            for row in rows {
                let item = MarketItem(counterParty: row[2], symbol: row[3], favorite: row[4])
                let position: Int = row[0]
                if categories.last?.0 == position {
                    categories[categories.count - 1].1.items.append(item)
                } else {
                    categories.append((position, MarketCategory(category: row[1], items: [item])))
                }
            }
            return categories.map(\.1)
        }
    }

    /// The user's favorite symbols, in the server's order.
    public static func favorites(uid: UserID) -> StoreQuery<[MarketItem]> {
        StoreQuery<[MarketItem]> { db in
            try Row.fetchAll(db, sql: "SELECT counter_party, symbol FROM favorite WHERE uid = ? ORDER BY position", arguments: [uid.rawValue])
                .map { MarketItem(counterParty: $0[0], symbol: $0[1], favorite: true) }
        }
    }

    /// A layout's slots by position.
    public static func layout(_ kind: LayoutKind, scope: ResourceScope) -> StoreQuery<[LayoutSlot]> {
        StoreQuery<[LayoutSlot]> { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT position, counter_party, symbol FROM layout_slot WHERE kind = ? AND scope = ? ORDER BY position
                    """, arguments: [kind.rawValue, scope.key]
            )
            .map { LayoutSlot(position: $0[0], counterParty: $0[1], symbol: $0[2]) }
        }
    }
}
