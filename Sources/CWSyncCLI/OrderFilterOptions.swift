import ArgumentParser
import CoinWeightAPI
import CoinWeightStore

/// The order filters of `cwsync orders`, `export orders` and `pnl`: state, symbol, exchange,
/// side and creation time.
struct OrderFilterOptions: ParsableArguments {
    @Flag(help: "Only active orders (acknowledged, partially filled, canceling).") var active = false
    @Flag(help: "Only finished orders (filled, canceled, partially canceled). Default: active and finished.") var history = false
    @Option(help: ArgumentHelp("Only this symbol, such as ETH-USDT.", valueName: "symbol")) var symbol: String?
    @Option(help: ArgumentHelp("Only this exchange, such as binance.", valueName: "counter-party")) var counterParty: String?
    @Option(help: ArgumentHelp("Only this side.", valueName: "side")) var side: SideArgument?
    @Option(
        help: ArgumentHelp(
            "Only orders created at or after: milliseconds since the epoch, an ISO-8601 time with its zone, or a day (UTC).",
            valueName: "time"), transform: TimeBound.init(parsing:))
    var since: TimeBound?
    @Option(help: ArgumentHelp("Only orders created at or before; a day includes all of it.", valueName: "time"), transform: TimeBound.init(parsing:))
    var until: TimeBound?

    func validate() throws {
        if let since, let until, since.first > until.last { throw ValidationError("--since is after --until.") }
    }

    /// The store's filter for these options.
    func filter(owner: String) -> OrderFilter {
        let states: Set<ExecutionType>? =
            switch (active, history) {
            case (true, false): ExecutionType.activeStates
            case (false, true): ExecutionType.inactiveStates
            default: nil
            }
        let range = since == nil && until == nil ? nil : (since?.first ?? .min)...(until?.last ?? .max)
        return OrderFilter(owner: owner, symbol: symbol, counterParty: counterParty, side: side?.side, executionTypes: states, createdIn: range)
    }
}
