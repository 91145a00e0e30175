import CoinWeightAPI
import Foundation
import Testing

/// Realized PnL by FIFO, against cases computed by hand.
@Suite("PnL ledger")
struct PnLLedgerTests {
    /// An order of `side` whose filled part is `filled` at `price`, created at `time`.
    static func fill(
        _ side: Side, _ filled: String, at price: String, time: Int64, symbol: String = "ETH-USDT", counterParty: String = "binance",
        quantity: String? = nil
    ) -> Order {
        Order(
            streetOrderId: "\(time)", orderType: .limit, symbol: symbol, side: side, owner: "2", counterParty: counterParty,
            price: ExactDecimal(price)!, quantity: ExactDecimal(quantity ?? filled)!, filledPrice: ExactDecimal(price)!,
            filledQuantity: ExactDecimal(filled)!, executionType: quantity == nil ? .filled : .partiallyFilled, createTime: time,
            processedTime: time)
    }

    static func ledger(_ orders: [Order]) -> [PnLLedger.Line] {
        var ledger = PnLLedger()
        for order in orders { ledger.add(order) }
        return ledger.lines
    }

    @Test("partial fills, interleaved: the oldest buys are sold first")
    func interleaved() throws {
        let lines = Self.ledger([
            Self.fill(.bid, "1", at: "100", time: 1),
            Self.fill(.bid, "2", at: "110", time: 2, quantity: "5"),  // partially filled: 2 of 5
            Self.fill(.ask, "1.5", at: "120", time: 3),  // 1 @100 (+20), 0.5 @110 (+5)
            Self.fill(.bid, "0", at: "90", time: 4, quantity: "3"),  // nothing filled: no fill
            Self.fill(.ask, "2", at: "100", time: 5),  // 1.5 @110 (−15); 0.5 short @100
            Self.fill(.bid, "1", at: "80", time: 6),  // closes 0.5 short (+10), 0.5 long @80
        ])
        let line = try #require(lines.first)
        #expect(lines.count == 1 && line.fills == 5)
        #expect(line.bought.text == "4" && line.sold.text == "3.5")
        #expect(line.buyVolume.text == "400" && line.sellVolume.text == "380")
        #expect(line.realized.text == "20" && line.open.text == "0.5")
        #expect(line.averageBuyPrice == Decimal(100) && line.averageSellPrice == Decimal(string: "108.571428571429"))
    }

    @Test("symbols and counterParties are kept apart, and listed by symbol then counterParty")
    func separated() {
        let lines = Self.ledger([
            Self.fill(.bid, "1", at: "10", time: 1, symbol: "EOS-USDT", counterParty: "huobi"),
            Self.fill(.bid, "1", at: "100", time: 2),
            Self.fill(.bid, "1", at: "200", time: 3, counterParty: "okcoin"),
            Self.fill(.ask, "1", at: "12", time: 4, symbol: "EOS-USDT", counterParty: "huobi"),
            Self.fill(.ask, "1", at: "150", time: 5, counterParty: "okcoin"),
        ])
        #expect(lines.map { "\($0.symbol)@\($0.counterParty)" } == ["EOS-USDT@huobi", "ETH-USDT@binance", "ETH-USDT@okcoin"])
        #expect(lines.map(\.realized.text) == ["2", "0", "-50"] && lines.map(\.open.text) == ["0", "1", "0"])
        #expect(lines[1].averageSellPrice == nil && lines[1].sold.isZero)
    }

    @Test("a sell before any buy opens a short that later buys close, FIFO")
    func shortFirst() throws {
        let line = try #require(
            Self.ledger([
                Self.fill(.ask, "2", at: "50", time: 1),  // short 2 @50
                Self.fill(.bid, "1", at: "40", time: 2),  // +10
                Self.fill(.bid, "2", at: "60", time: 3),  // 1 @50 short closed: −10; long 1 @60
                Self.fill(.ask, "1", at: "61", time: 4),  // +1
            ]).first)
        #expect(line.realized.text == "1" && line.open.isZero && line.bought.text == "3" && line.sold.text == "3")
    }

    @Test("amounts with more digits than a Double or a Decimal keep are exact")
    func manyDigits() throws {
        let line = try #require(
            Self.ledger([
                Self.fill(.bid, "0.000000000000000001", at: "12345.678901234567890123", time: 1),
                Self.fill(.bid, "0.1", at: "0.1", time: 2),
                Self.fill(.ask, "0.100000000000000001", at: "12345.678901234567890124", time: 3),
            ]).first)
        // 0.000000000000000001 × 0.000000000000000001 + 0.1 × (12345.678901234567890124 − 0.1)
        #expect(line.realized.text == "1234.557890123456789012400000000000000001")
        #expect(line.open.isZero && line.bought.text == "0.100000000000000001")
        #expect(line.buyVolume.text == "0.010000000000012345678901234567890123")
    }
}
