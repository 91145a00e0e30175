import CoinWeightAPI
import Foundation

/// Deterministic orders for tests and benchmarks: the same arguments give the same orders.
public enum SampleOrders {
    public static let owners = ["2", "strategy-10", "3"]
    public static let symbols = [("binance", "ETH-USDT"), ("binance", "ETH-BTC"), ("huobi", "EOS-USDT"), ("okcoin", "BTC-USDT"), ("huobi", "EOS-ETH")]
    static let states: [ExecutionType] = [.filled, .filled, .canceled, .partiallyCanceled, .acknowledged, .partiallyFilled, .canceling]

    /// `count` orders with ids `firstID`, `firstID + 1`... created one every `spacing`
    /// milliseconds back from `newest`, spread over owners, symbols, sides and states.
    public static func make(count: Int, firstID: Int = 1_000_000, newest: Int64 = 1_790_000_000_000, spacing: Int64 = 7_919, seed: UInt64 = 1) -> [Order] {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        return (0..<count).map { index in
            let (counterParty, symbol) = symbols[Int(next() % UInt64(symbols.count))]
            let created = newest - Int64(index) * spacing - Int64(next() % 1_000)
            let executionType = states[Int(next() % UInt64(states.count))]
            let price = ExactDecimal("\(next() % 90_000 + 10).\(String(format: "%02d", Int(next() % 100)))")!
            let quantity = ExactDecimal("\(next() % 500).\(String(format: "%04d", Int(next() % 10_000)))")!
            let filled: ExactDecimal = executionType == .filled ? quantity : "0.00"
            return Order(
                streetOrderId: String(firstID + index), orderType: next() % 5 == 0 ? .market : .limit, symbol: symbol,
                side: next() % 2 == 0 ? .bid : .ask, owner: owners[Int(next() % UInt64(owners.count))], counterParty: counterParty,
                price: price, quantity: quantity, filledPrice: executionType == .filled ? price : "0.00", filledQuantity: filled,
                executionType: executionType, createTime: created, processedTime: created + Int64(next() % 60_000))
        }
    }
}
