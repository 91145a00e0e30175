import ArgumentParser
import CoinWeightAPI
import CoinWeightEmulator
import Foundation

/// `cwsync quickstart`: the first thing to run. Starts a seeded emulator in this process,
/// logs in as `abc` and reads every resource through the typed client, printing what came back.
struct QuickstartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quickstart",
        abstract: "Start a local emulator, log in as abc and read every resource once (a smoke test of the whole API)."
    )

    @Option(help: "Historical orders to seed in the emulator.")
    var seedOrders = 2_000

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard seedOrders >= 0 else { throw ValidationError("--seed-orders must be 0 or more.") }
    }

    func run() async throws {
        global.bootstrapLogging()
        let emulator = CoinWeightEmulator(configuration: EmulatorConfiguration(seedOrders: seedOrders, seedDays: 30))
        let running = try await emulator.start()
        Console.out("emulator listening at \(running.baseURL)")
        let client = try CoinWeightClient(baseURL: running.baseURL)
        let session = try await client.login(Credentials(userName: "abc", password: "abc_password"))
        Console.out("logged in as \(session.userName) (uid \(session.uid)), token expires \(session.authToken.expiresAt.map { "\($0)" } ?? "never")")
        let uid = session.uid
        let symbols = try await client.symbols()
        Console.out("symbols: \(symbols.map { "\($0.counterParty) \($0.symbols.count)" }.joined(separator: ", "))")
        let markets = try await client.customMarkets(uid: uid)
        Console.out("market tabs: \(markets.map(\.category).joined(separator: ", "))")
        let favorites = try await client.favorites(uid: uid)
        Console.out("favorites: \(favorites.map { "\($0.counterParty):\($0.symbol)" }.joined(separator: ", "))")
        for kind in LayoutKind.allCases {
            let slots = try await client.customLayout(kind, uid: uid)
            Console.out("\(kind.rawValue) layout: \(slots.count) slots")
        }
        let strategies = try await client.strategyItems(uid: uid)
        let statuses = try await client.strategyStatuses(uid: uid)
        Console.out("strategies: \(strategies.count), status: \(statuses.map { "\($0.id)=\($0.status)" }.joined(separator: ", "))")
        let info = try await client.userInfo(uid: uid)
        let positions = try await client.positions(uid: uid)
        Console.out("account: estimated \(info.estimatedValue), \(positions.count) positions")
        let active = try await client.activeOrders(owner: uid.ownAccount)
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let page = try await client.inactiveOrders(InactiveOrderQuery(owner: uid.ownAccount, startTime: now - 30 * 86_400_000, endTime: now, pageSize: 5))
        Console.out("orders: \(active.count) active; history \(page.totalPage) pages of 5 over 30 days, newest:")
        for order in page.content {
            Console.out("  \(order.streetOrderId) \(order.counterParty) \(order.symbol) \(order.side) \(order.quantity) @ \(order.price) \(order.executionType)")
        }
        await running.stop()
        Console.out("ok")
    }
}
