import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightTestSupport
import Foundation
import Testing

/// The writes a campaign queues, through the `cwsync` commands a user would type.
extension CampaignRig {
    /// The markets favorite and layout writes pick from.
    static let pairs: [MarketPair] = ["binance", "huobi", "okcoin"].flatMap { counterParty in
        ["ETH-USDT", "BTC-USDT", "EOS-USDT", "ETH-BTC"].map { MarketPair(counterParty: counterParty, symbol: $0) }
    }

    /// The price of every campaign order, which no seeded order has; the quantity tells them apart.
    static let orderPrice: ExactDecimal = "1234.56"

    /// Pulls the symbols (which order checks need), favorites, layouts and strategies, and
    /// returns a ledger that starts from them.
    func prepare() async throws -> WriteLedger {
        let sync = try await cwsync(["sync", "symbols", "favorites", "layouts", "strategies"] + online)
        guard sync.status == 0 else { throw CampaignFailure("first sync failed: \(sync.out)\(sync.err)") }
        let abc = try #require(await state.snapshot().user(2))
        return WriteLedger(favorites: abc.favorites, professionalLayout: abc.professionalLayout)
    }

    /// Queues one write that `random` picks (about half of them order creates, one in ten a
    /// cancel of an earlier one by the local id its create printed) and records it in `ledger`.
    func queueWrite(_ ledger: inout WriteLedger, random: inout SeededRandom) async throws {
        let number = ledger.total + 1
        let arguments: [String]
        let draw = Int.random(in: 0..<20, using: &random)
        switch draw {
        case 0..<9:
            let quantity = "1." + String(String(number + 10_000).suffix(4))
            let create = [
                "order", "create", "--counter-party", "binance", "--symbol", "ETH-USDT", "--side", "BID", "--type", "LIMIT",
                "--price", Self.orderPrice.text, "--quantity", quantity, "--valid-for", "86400",
            ]
            let result = try await cwsync(create + online)
            guard result.status == 0, let localID = result.out.firstMatch(of: /local-[0-9a-f-]+/) else {
                throw CampaignFailure("cwsync \(create.joined(separator: " ")): exit \(result.status): \(result.out)\(result.err)")
            }
            ledger.orderCreated(quantity: quantity, localID: String(localID.0))
            return
        case 9..<11 where !ledger.openOrders.isEmpty:
            let (quantity, localID) = ledger.openOrders.sorted { $0.key < $1.key }.randomElement(using: &random)!
            ledger.orderCancelled(quantity: quantity)
            arguments = ["order", "cancel", localID]
        case 9..<16:
            let pair = Self.pairs.randomElement(using: &random)!
            arguments = ["favorite", ledger.favoriteToggled(pair), pair.counterParty, pair.symbol]
        case 16..<18:
            let position = Int.random(in: 1...3, using: &random)
            let pair = Self.pairs.randomElement(using: &random)!
            ledger.layoutSet(position: position, to: pair)
            arguments = ["layout", "set", "professional", "\(position)", pair.counterParty, pair.symbol]
        default:
            let name = "campaign-\(number)"
            let file = folder.appendingPathComponent("\(name).json")
            var item = try #require(await state.snapshot().user(2)?.strategies.first, "abc has a strategy to copy").withID(nil)
            item.name = name
            try JSONEncoder().encode(item).write(to: file)
            ledger.strategyCreated(name: name)
            arguments = ["strategy", "create", "--file", file.path]
        }
        let result = try await cwsync(arguments + online)
        guard result.status == 0 else { throw CampaignFailure("cwsync \(arguments.joined(separator: " ")): exit \(result.status): \(result.err)") }
    }

    /// Fills or cancels a few of abc's active orders from the exchange's side, so that there
    /// is always new history to sync. The campaign's own orders are left to its cancels.
    func moveOrdersToHistory(_ count: Int, random: inout SeededRandom) async {
        let active = await state.snapshot().orders(owner: "2").filter { $0.executionType.isActive && !$0.price.isSameAmount(as: Self.orderPrice) }
        for order in active.shuffled(using: &random).prefix(count) {
            if Bool.random(using: &random) {
                await state.fillOrder(id: order.streetOrderId)
            } else {
                await state.cancelOrder(id: order.streetOrderId)
            }
        }
    }
}
