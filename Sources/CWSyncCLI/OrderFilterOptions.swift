import ArgumentParser
import CoinWeightAPI
import CoinWeightStore

/// The order filters of `cwsync orders` and `export orders`: state and side, then
/// ``OrderMarketOptions``.
struct OrderFilterOptions: ParsableArguments {
    @Flag(help: "Only active orders (acknowledged, partially filled, canceling).") var active = false
    @Flag(help: "Only finished orders (filled, canceled, partially canceled). Default: active and finished.") var history = false
    @Option(help: ArgumentHelp("Only this side.", valueName: "side")) var side: SideArgument?
    @OptionGroup var market: OrderMarketOptions

    /// ``OrderMarketOptions/symbol``.
    var symbol: String? { market.symbol }

    /// The store's filter for these options.
    func filter(owner: String) -> OrderFilter {
        let states: Set<ExecutionType>? =
            switch (active, history) {
            case (true, false): ExecutionType.activeStates
            case (false, true): ExecutionType.inactiveStates
            default: nil
            }
        var filter = market.filter(owner: owner)
        (filter.side, filter.executionTypes) = (side?.side, states)
        return filter
    }
}

/// The filters of `cwsync orders`, `export orders` and `pnl` on what and when: symbol,
/// exchange and creation time.
struct OrderMarketOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only this symbol, such as ETH-USDT.", valueName: "symbol")) var symbol: String?
    @Option(help: ArgumentHelp("Only this exchange, such as binance.", valueName: "counter-party")) var counterParty: String?
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

    /// The store's filter for these options, of any state and side.
    func filter(owner: String) -> OrderFilter {
        let range = since == nil && until == nil ? nil : (since?.first ?? .min)...(until?.last ?? .max)
        return OrderFilter(owner: owner, symbol: symbol, counterParty: counterParty, createdIn: range)
    }
}
