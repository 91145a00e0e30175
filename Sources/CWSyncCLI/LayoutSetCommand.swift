import ArgumentParser
import CoinWeightAPI
import CoinWeightStore

/// `cwsync layout set professional|simple POSITION COUNTERPARTY SYMBOL`: queued in the
/// outbox, shown in the store at once, delivered by `cwsync sync` or a running `cwsync run`.
struct LayoutSetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Queue putting a market at a position of a layout; works offline.",
        discussion: "Positions: 1-3 for professional, 1-12 for simple.")

    @Argument(help: "Which layout.") var kind: LayoutCommand.Kind
    @Argument(help: "The position, from 1.") var position: Int
    @Argument(help: "The exchange, e.g. binance.") var counterParty: String
    @Argument(help: "The symbol, e.g. ETH-USDT.") var symbol: String
    @OptionGroup var options: WriteOptions

    func validate() throws {
        let positions = kind.layout.positions
        guard positions.contains(position) else {
            throw ValidationError("position \(position) is not in the \(kind.rawValue) layout: use \(positions.lowerBound) to \(positions.upperBound)")
        }
    }

    func run() async throws {
        try await options.queue { _, _ in
            .updateLayout(kind.layout, LayoutSlot(position: position, counterParty: counterParty, symbol: symbol))
        }
    }
}
