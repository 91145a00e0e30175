import CoinWeightAPI
import Foundation

extension OrderBook {
    /// Adds `count` finished and active orders for `owner` (none for 0), spread over `days` days up to
    /// `endTime` (ms). The same arguments give the same orders.
    /// - Returns: how many orders were added.
    @discardableResult
    mutating func seedHistory(owner: String, count: Int, days: Int, seed: UInt64, endTime: Int64) -> Int {
        var random = SeededRandom(seed: seed)
        let span = Int64(max(days, 1)) * 24 * 3600 * 1000
        let pairs = SeedCatalog.marketCategories.flatMap(\.pairs)
        let states: [ExecutionType] = [.filled, .filled, .filled, .canceled, .canceled, .partiallyCanceled, .acknowledged, .partiallyFilled]
        let times = (0..<count).map { _ in endTime - Int64.random(in: 0..<span, using: &random) }.sorted()
        for createTime in times {
            let pair = pairs[Int.random(in: 0..<pairs.count, using: &random)]
            let drawn = states[Int.random(in: 0..<states.count, using: &random)]
            // Orders rest on a book for hours, not months: only the last two days keep active ones.
            let state = drawn.isActive && endTime - createTime > 2 * 86_400_000 ? .filled : drawn
            let quantity = ExactDecimal("\(Int.random(in: 1...500, using: &random)).\(Int.random(in: 0...9, using: &random))")!
            let price = ExactDecimal("\(Int.random(in: 1...9000, using: &random)).\(Int.random(in: 10...99, using: &random))")!
            let filled: ExactDecimal =
                switch state {
                case .filled: quantity
                case .partiallyCanceled, .partiallyFilled: ExactDecimal("\(quantity.value / 2)")!
                default: "0.00"
                }
            insert(
                Order(
                    streetOrderId: makeID(), orderType: .limit, symbol: pair.symbol,
                    side: Bool.random(using: &random) ? .bid : .ask, owner: owner, counterParty: pair.counterParty,
                    price: price, quantity: quantity, filledPrice: filled.value > 0 ? price : "0.00", filledQuantity: filled,
                    executionType: state, createTime: createTime,
                    processedTime: state.isActive ? createTime : min(endTime, createTime + Int64.random(in: 0...3_600_000, using: &random))))
        }
        return count
    }

}
