import ArgumentParser
import CoinWeightAPI
import CoinWeightStore
import CoinWeightSync
import Foundation

/// `cwsync order create|update|cancel|cancel-all`: order writes, queued in the outbox, shown
/// in the store at once, delivered by `cwsync sync` or a running `cwsync run`.
struct OrderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "order",
        abstract: "Queue an order to place, change or cancel; works offline.",
        discussion: """
            Orders are checked against the synced symbols config before they are queued; a rule broken is one line and exit status 1, \
            with nothing queued. A new order shows in `cwsync orders` at once under a local id (local-…), which update and cancel may name \
            until the server's streetOrderId replaces it.
            """,
        subcommands: [Create.self, Update.self, Cancel.self, CancelAll.self]
    )

    /// `cwsync order create`: a new order, under a local id until the server places it.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Queue a new order.",
            discussion: """
                It is sent only until --valid-for seconds from now (30 by default), and expires after that. A MARKET order is refused \
                while the server cannot be reached (one quick request tells), since it would fill at whatever the price is when the \
                network is back, unless --allow-offline says so.
                """)

        @Option(help: "The exchange, e.g. binance.") var counterParty: String
        @Option(help: "The symbol, e.g. ETH-USDT.") var symbol: String
        @Option(help: "BID (buy) or ASK (sell).") var side: SideArgument
        @Option(name: .customLong("type"), help: "LIMIT or MARKET.") var orderType: OrderTypeArgument
        @Option(help: ArgumentHelp("The price, a plain decimal such as 2000.50.", valueName: "decimal"), transform: OrderCommand.amount)
        var price: ExactDecimal
        @Option(help: ArgumentHelp("The quantity, a plain decimal such as 1.25.", valueName: "decimal"), transform: OrderCommand.amount)
        var quantity: ExactDecimal
        @Option(help: ArgumentHelp("The trading account, such as 2 or strategy-10 (default: the logged-in user's own).", valueName: "owner"))
        var owner: String?
        @Option(help: ArgumentHelp("Seconds from now after which it is no longer sent (default 30).", valueName: "seconds"))
        var validFor: Int?
        @Flag(help: "Queue a MARKET order even when the server cannot be reached.") var allowOffline = false
        @OptionGroup var options: WriteOptions

        func validate() throws {
            if let validFor, validFor <= 0 { throw ValidationError("--valid-for must be a positive number of seconds") }
        }

        func run() async throws {
            try await options.run { mirror, uid in
                let order = NewOrder(
                    orderType: orderType.orderType, symbol: symbol, side: side.side, owner: owner ?? uid.ownAccount,
                    counterParty: counterParty, price: price, quantity: quantity)
                if order.orderType == .market, !allowOffline, try await OrderCommand.serverUnreachable(mirror.endpoint, options.endpointOptions) {
                    throw WriteRefusal.marketOffline
                }
                let (entry, localID) = try await mirror.placeOrder(order, validFor: validFor.map { .seconds($0) }, allowWhileOffline: allowOffline)
                let deadline = try await mirror.store.read(.outboxEntry(id: entry))?.deadline
                Console.out(
                    "queued as outbox entry \(entry), order \(localID)"
                        + (deadline.map { "; sent only until \(OrderCommand.clockTime($0)) UTC (--valid-for to change)" } ?? ""))
            }
        }
    }

    /// `cwsync order update ID`: a new price or quantity for an unfilled order.
    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Queue a new price or quantity for an unfilled order (what is not given stays as the store has it).")

        @Argument(help: "The order's streetOrderId (or local id), as `cwsync orders` lists it.") var id: String
        @Option(help: ArgumentHelp("The new price.", valueName: "decimal"), transform: OrderCommand.amount) var price: ExactDecimal?
        @Option(help: ArgumentHelp("The new quantity.", valueName: "decimal"), transform: OrderCommand.amount) var quantity: ExactDecimal?
        @OptionGroup var options: WriteOptions

        func validate() throws {
            if price == nil, quantity == nil { throw ValidationError("give --price, --quantity or both") }
        }

        func run() async throws {
            try await options.queue { mirror, _ in
                let order = try await OrderCommand.stored(id, in: mirror.store)
                guard order.executionType == .acknowledged else {
                    throw WriteRefusal("order \(id) is \(order.executionType.rawValue): only an unfilled order (EXECUTION_ACK) can be updated")
                }
                return .updateOrder(
                    OrderAmendment(
                        streetOrderId: order.streetOrderId, price: price ?? order.price, quantity: quantity ?? order.quantity,
                        owner: order.owner, counterParty: order.counterParty))
            }
        }
    }

    /// `cwsync order cancel ID`.
    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Queue cancelling an active order.")

        @Argument(help: "The order's streetOrderId (or local id), as `cwsync orders` lists it.") var id: String
        @OptionGroup var options: WriteOptions

        func run() async throws {
            try await options.queue { mirror, _ in
                let order = try await OrderCommand.stored(id, in: mirror.store)
                guard order.executionType.isActive else {
                    throw WriteRefusal("order \(id) is \(order.executionType.rawValue) already: only an active order can be cancelled")
                }
                return .cancelOrder(OrderReference(streetOrderId: order.streetOrderId, owner: order.owner, counterParty: order.counterParty))
            }
        }
    }

    /// `cwsync order cancel-all`: every active order of an account, on some exchanges or all.
    struct CancelAll: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cancel-all", abstract: "Queue cancelling every active order of an account, on the exchanges named or on all.")

        @Option(help: ArgumentHelp("The trading account (default: the logged-in user's own).", valueName: "owner")) var owner: String?
        @Option(name: .customLong("counter-party"), help: ArgumentHelp("An exchange to cancel on; repeat for more (default: all).", valueName: "exchange"))
        var counterParties: [String] = []
        @OptionGroup var options: WriteOptions

        func run() async throws {
            try await options.queue { _, uid in
                .cancelAllOrders(CancelAllRequest(owner: owner ?? uid.ownAccount, selectedCounterParty: counterParties))
            }
        }
    }

    /// `date` as `HH:mm:ss` in UTC, for a deadline a few seconds or minutes away.
    static func clockTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: date)
    }

    /// Parses a price or quantity exactly, never through `Double`.
    static func amount(_ text: String) throws -> ExactDecimal { try ExactDecimal(validating: text) }

    /// Order `id` as the store has it: by its server id, or by the local id its create
    /// printed, before or after the server's id replaced it.
    /// - Throws: ``WriteRefusal`` when the store does not have it.
    static func stored(_ id: String, in store: CoinWeightStore) async throws -> Order {
        let current = try await store.read(.serverID(forLocalID: id)) ?? id
        guard let order = try await store.read(.order(id: current)) else { throw WriteRefusal(OutboxError.unknownOrder(id).description) }
        return order
    }

    /// Whether the server cannot be reached now: one unauthenticated read of the symbols
    /// config, with a short timeout, fails to connect or times out. Any answer, an error
    /// included, means it can.
    static func serverUnreachable(_ endpoint: URL, _ options: EndpointOptions) async throws -> Bool {
        let client = try CoinWeightClient(
            baseURL: endpoint, transport: options.makeTransport(resourceTimeout: .seconds(5)), allowInsecureHTTP: options.allowInsecureHTTP)
        do {
            _ = try await client.symbols()
            return false
        } catch {
            return error.gotNoAnswer
        }
    }
}

/// `--type`: an order's type as the API writes it; lower case is accepted too.
enum OrderTypeArgument: String, CaseIterable, ExpressibleByArgument {
    case limit = "LIMIT"
    case market = "MARKET"

    init?(argument: String) { self.init(rawValue: argument.uppercased()) }

    var orderType: OrderType { self == .limit ? .limit : .market }
}
