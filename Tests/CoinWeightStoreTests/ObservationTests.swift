import CoinWeightAPI
import CoinWeightStore
import CoinWeightTestSupport
import Foundation
import Testing

/// An observation yields once per committed transaction that changes its result: not once
/// per row, not for unrelated writes, not for writes that leave the result as it was.
@Suite("Observations", .timeLimit(.minutes(5)))
struct ObservationTests {
    @Test("favorites: one value per changing transaction")
    func favorites() async throws {
        try await withStore { store, _ in
            var values = store.observe(.favorites(uid: 2)).makeAsyncIterator()
            #expect(try await values.next() == [], "the current value first")

            let fifty = (0..<50).map { MarketItem(counterParty: "binance", symbol: "S\($0)-USDT", favorite: true) }
            try await store.write { transaction in
                for count in 1...fifty.count { try transaction.replaceFavorites(Array(fifty.prefix(count)), uid: 2) }
            }
            try await store.write {
                try $0.replacePositions([Position(counterParty: "binance", currency: "BTC", totalAmount: "1", usedAmount: "0", availableAmount: "1")], uid: 2)
            }
            try await store.write { try $0.replaceFavorites(fifty, uid: 2) }
            try await store.write { try $0.replaceFavorites([fifty[0]], uid: 3) }
            try await store.write { try $0.replaceFavorites(Array(fifty.prefix(2)), uid: 2) }

            #expect(try await values.next() == fifty, "50 row writes in one transaction: one value")
            #expect(try await values.next() == Array(fifty.prefix(2)), "no value for unrelated, unchanged or other users' writes")
        }
    }

    @Test("an order page: one value for a 1,000-order transaction")
    func orderPage() async throws {
        try await withStore { store, _ in
            let query: StoreQuery<OrderPage> = .orders(OrderFilter(owner: "2", symbol: "ETH-USDT"), limit: 5)
            var values = store.observe(query).makeAsyncIterator()
            #expect(try await values.next()?.orders.isEmpty == true)
            let orders = SampleOrders.make(count: 1_000)
            try await store.write { try $0.upsertOrders(orders) }
            let newest = SampleOrders.make(count: 1, firstID: 9_000_000, newest: 1_800_000_000_000).map {
                var order = $0
                order.owner = "2"
                order.symbol = "ETH-USDT"
                return order
            }
            try await store.write { try $0.upsertOrders(newest) }
            let first = try #require(try await values.next())
            #expect(first.orders.count == 5 && first.orders.allSatisfy { $0.owner == "2" && $0.symbol == "ETH-USDT" })
            let second = try #require(try await values.next())
            #expect(second.orders.first == newest[0])
        }
    }
}
