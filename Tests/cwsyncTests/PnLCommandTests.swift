import CoinWeightAPI
import CoinWeightStore
import CoinWeightTestSupport
import Foundation
import Testing

/// `cwsync pnl`: the built binary, on a store of sample orders and three orders computed by hand.
@Suite("cwsync pnl")
struct PnLCommandTests {
    struct Line: Decodable, Equatable {
        var symbol, counterParty, bought, sold, buyVolume, sellVolume, realizedPnL, openQuantity: String
        var averageBuyPrice, averageSellPrice: String?
        var fills: Int
    }

    @Test("per symbol and exchange: the library's ledger over the store's orders; a hand-computed case; --symbol and --since filter")
    func pnl() async throws {
        try await withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("cwsync.sqlite").path
            try await SampleStore.make(at: path, orders: 400)
            let store = try CoinWeightStore(path: path)
            let base: Int64 = 1_800_000_000_000
            let hand = [("1", "100", Side.bid), ("1", "200", .bid), ("1.5", "300", .ask)].enumerated().map { index, fill in
                Order(
                    streetOrderId: "hand-\(index)", orderType: .limit, symbol: "BTC-USDT", side: fill.2, owner: "2", counterParty: "kraken",
                    price: ExactDecimal(fill.1)!, quantity: ExactDecimal(fill.0)!, filledPrice: ExactDecimal(fill.1)!,
                    filledQuantity: ExactDecimal(fill.0)!, executionType: .filled, createTime: base + Int64(index), processedTime: base + Int64(index))
            }
            _ = try await store.write { try $0.upsertOrders(hand) }
            var ledger = PnLLedger()
            for order in try await store.read(.allOrders(OrderFilter(owner: "2"))).reversed() { ledger.add(order) }
            try store.close()

            let json = try await CWSyncBinary.run(["pnl", "--json", "--store", path])
            #expect(json.status == 0, "\(json.err)")
            let lines = try json.out.split(separator: "\n").map { try JSONDecoder().decode(Line.self, from: Data($0.utf8)) }
            #expect(lines.count == ledger.lines.count && lines.count > 3)
            for (line, expected) in zip(lines, ledger.lines) {
                #expect(line.symbol == expected.symbol && line.realizedPnL == expected.realized.text && line.openQuantity == expected.open.text)
            }
            let kraken = try #require(lines.first { $0.counterParty == "kraken" })
            #expect(
                kraken
                    == Line(
                        symbol: "BTC-USDT", counterParty: "kraken", bought: "2", sold: "1.5", buyVolume: "300", sellVolume: "450", realizedPnL: "250",
                        openQuantity: "0.5", averageBuyPrice: "150", averageSellPrice: "300", fills: 3))

            let one = try await CWSyncBinary.run(["pnl", "--symbol", "BTC-USDT", "--counter-party", "kraken", "--since", "\(base + 1)", "--store", path])
            let rows = one.out.split(separator: "\n")
            #expect(one.status == 0 && rows.count == 2 && rows[0].hasPrefix("SYMBOL    COUNTERPARTY  FILLS"), "\(one.out)")
            // From the second buy on: 1 @200 bought, 1.5 sold: 1 matched (+100), 0.5 short.
            #expect(
                rows[1].split(separator: " ").map(String.init) == ["BTC-USDT", "kraken", "2", "1", "1.5", "200", "450", "200", "300", "100", "-0.5"],
                "\(one.out)")
        }
    }
}
