import ArgumentParser
import CoinWeightAPI
import CoinWeightStore
import Foundation

/// `cwsync orders`: a page of a trading account's orders from the store, newest first.
struct OrdersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orders",
        abstract: "List orders from the store, newest first, a page at a time.",
        discussion: """
            When another page follows, its cursor is printed last: `next: <cursor>` on standard error under a table, \
            or a final line {"next":"<cursor>"} with --json. Pass it to --after for the next page. A cursor is \
            <createTime>:<streetOrderId> of the page's last order; it works with any filter, and orders synced \
            meanwhile shift nothing.
            """
    )

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
    @Option(help: ArgumentHelp("Orders per page.", valueName: "n")) var limit = 50
    @Option(help: ArgumentHelp("Start after this cursor, printed by the previous page.", valueName: "cursor"), transform: OrderCursor.init(parsing:))
    var after: OrderCursor?
    @OptionGroup var query: QueryOptions<OwnerOption>

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be 1 or more.") }
        if let since, let until, since.first > until.last { throw ValidationError("--since is after --until.") }
    }

    func run() async throws {
        try await query.withStore { store in
            let page = try await store.read(.orders(filter(owner: try query.owner()), after: after, limit: limit).withPending())
            try query.print(page.orders)
            guard let next = page.next else { return }
            if query.json {
                Console.out(try JSONLine.text(["next": next.text]))
            } else {
                Console.err("next: \(next.text)")
            }
        }
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

extension Order: QueryRecord {
    static let header = ["ID", "CREATED", "COUNTERPARTY", "SYMBOL", "SIDE", "TYPE", "PRICE", "QUANTITY", "FILLED", "FILL-PRICE", "STATE"]

    var tableRows: [[String]] {
        let state = executionType.rawValue.hasPrefix("EXECUTION_") ? String(executionType.rawValue.dropFirst("EXECUTION_".count)) : executionType.rawValue
        return [
            [
                streetOrderId, TimeBound.text(createTime), counterParty, symbol, side.rawValue, orderType.rawValue, price.text, quantity.text,
                filledQuantity.text, filledPrice.text, state,
            ]
        ]
    }
}
