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

    @OptionGroup var filters: OrderFilterOptions
    @Option(help: ArgumentHelp("Orders per page.", valueName: "n")) var limit = 50
    @Option(help: ArgumentHelp("Start after this cursor, printed by the previous page.", valueName: "cursor"), transform: OrderCursor.init(parsing:))
    var after: OrderCursor?
    @OptionGroup var query: QueryOptions<OwnerOption>
    @OptionGroup var following: FollowOption

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be 1 or more.") }
    }

    func run() async throws {
        try await query.withStore { store in
            let (filter, after, limit, json) = (filters.filter(owner: try query.owner()), after, limit, query.json)
            guard following.follow else {
                let page = try await store.read(.orders(filter, after: after, limit: limit).withPending())
                try query.print(page.orders)
                guard let next = page.next else { return }
                if json {
                    Console.out(try JSONLine.text(["next": next.text]))
                } else {
                    Console.err("next: \(next.text)")
                }
                return
            }
            // Following: the page again after every change, without its cursor.
            try await FollowLoop.run(store) {
                let orders = try await store.read(.orders(filter, after: after, limit: limit).withPending()).orders
                return try QueryOutput.lines(orders, json: json)
            }
        }
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
