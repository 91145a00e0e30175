import ArgumentParser
import CoinWeightAPI
import CoinWeightStore
import Foundation
import Synchronization

/// `cwsync pnl`: realized profit and loss by FIFO over the filled parts of an account's
/// orders, per symbol and counterParty, from the store (``PnLLedger``).
struct PnLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pnl", abstract: "Show realized profit and loss (FIFO) per symbol and exchange, from the store's fills.",
        discussion: """
            Each order's filled part (filledQuantity at filledPrice) is a fill, taken in createTime order. A buy closes the \
            oldest open sells first, a sell the oldest open buys; a sell before any buy opens a short position (OPEN below \
            zero) that later buys close. Quantities, volumes, realized PnL and the open quantity are exact; the average \
            prices are rounded to 12 decimal places. With --json, one object per line, amounts as strings.
            """)

    @OptionGroup var market: OrderMarketOptions
    @OptionGroup var query: QueryOptions<OwnerOption>

    func run() async throws {
        try await query.withStore { store in
            let filter = market.filter(owner: try query.owner())
            let ledger = Mutex(PnLLedger())
            try await store.forEachOrder(filter) { order in ledger.withLock { $0.add(order.value) } }
            try query.print(ledger.withLock { $0.lines })
        }
    }
}

extension PnLLedger.Line: QueryRecord {
    static let header = ["SYMBOL", "COUNTERPARTY", "FILLS", "BOUGHT", "SOLD", "BUY-VOLUME", "SELL-VOLUME", "AVG-BUY", "AVG-SELL", "REALIZED", "OPEN"]

    var tableRows: [[String]] {
        [
            [
                symbol, counterParty, String(fills), bought.text, sold.text, buyVolume.text, sellVolume.text,
                averageBuyPrice.map { "\($0)" } ?? "-", averageSellPrice.map { "\($0)" } ?? "-", realized.text, open.text,
            ]
        ]
    }
}
