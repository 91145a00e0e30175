import CoinWeightAPI
import Foundation

extension Order {
    /// The row a queued create shows in the mirror until the server's order replaces it:
    /// acknowledged, nothing filled, created when it was queued.
    init(local order: NewOrder, id: String, at queuedAt: Date) {
        let now = queuedAt.millisecondsSince1970
        self.init(
            streetOrderId: id, orderType: order.orderType, symbol: order.symbol, side: order.side, owner: order.owner,
            counterParty: order.counterParty, price: order.price, quantity: order.quantity, filledPrice: "0",
            filledQuantity: "0", executionType: .acknowledged, createTime: now, processedTime: now)
    }
}
