import ArgumentParser
import CWSyncCLI
import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightStore
import CoinWeightSync
import Foundation

/// `cwsync-emulator quickstart`: the first thing to run. Starts a seeded emulator in this process,
/// logs in as `abc`, runs a first sync into a store of its own, and reads the mirror back
/// offline. It never touches a store that mirrors an account: its default store, beside the
/// default one, is made anew each run (the emulator it mirrored is gone).
struct QuickstartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quickstart",
        abstract: "Start a local emulator, log in as abc, sync everything into the store, and read it back."
    )

    @Option(help: "Historical orders to seed in the emulator.")
    var seedOrders = 2_000

    @Option(
        help: ArgumentHelp(
            "The store to sync into: a new one, or one only quickstart has used (default: quickstart/cwsync.sqlite beside the default store).",
            valueName: "path"))
    var store: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard seedOrders >= 0 else { throw ValidationError("--seed-orders must be 0 or more.") }
    }

    /// Quickstart's own store, in a folder beside the default store.
    static func defaultStore() -> String {
        URL(fileURLWithPath: StoreOptions.defaultPath()).deletingLastPathComponent()
            .appendingPathComponent("quickstart").appendingPathComponent(StoreLocation.fileName).path
    }

    /// The store to sync into, made empty when it is quickstart's own.
    /// - Throws: ``ValidationError`` for a store that mirrors an account, or that a daemon serves.
    private func prepareStore() throws -> String {
        let path = store ?? Self.defaultStore()
        if let pid = StoreLock.holder(store: path) {
            throw ValidationError("a cwsync run (pid \(pid)) serves \(path): stop it first, or pass another --store")
        }
        if store == nil {
            for file in [path, path + "-wal", path + "-shm", path + ".lock", SessionFile(besideStore: path).path] {
                try? FileManager.default.removeItem(atPath: file)
            }
        } else if try SessionFile(besideStore: path).load() != nil || CoinWeightStore.identity(at: path) != nil {
            throw ValidationError("\(path) mirrors an account already; quickstart syncs into a store of its own: pass a new --store path, or none")
        }
        return path
    }

    func run() async throws {
        global.bootstrapLogging()
        let path = try await CommandFailure.reporting { try prepareStore() }
        let emulator = CoinWeightEmulator(configuration: EmulatorConfiguration(seedOrders: seedOrders, seedDays: 30))
        let running = try await emulator.start()
        Console.out("emulator listening at \(running.baseURL)")
        do {
            let report = try await syncIntoStore(running.baseURL, path: path)
            await running.stop()
            guard report.isComplete else { throw ExitCode(1) }
            Console.out("ok: the emulator has stopped; the mirror stays, and answers offline:")
            Console.out("  cwsync orders --store \(path)")
            Console.out("  cwsync status --store \(path)")
            Console.out("next: start an emulator of your own (cwsync-emulator --port 8080) and log in to it with a store of its own")
        } catch {
            await running.stop()
            throw error
        }
    }

    /// Logs in, syncs everything, prints the outcome and what the store now holds.
    private func syncIntoStore(_ baseURL: URL, path: String) async throws -> SyncReport {
        let mirror = try await CoinWeightMirror.open(storePath: path, baseURL: baseURL)
        defer { Task { [mirror] in try? await mirror.close() } }
        let session = try await mirror.login(Credentials(userName: "abc", password: "abc_password"))
        Console.out("logged in as \(session.userName) (uid \(session.uid)); session saved beside the store, mode 0600")
        Console.out("store: \(mirror.store.path)")

        let started = ContinuousClock.now
        let report = await mirror.syncNow()
        for resource in SyncResource.allCases {
            Console.out("  \(resource.rawValue): \(report.outcomes[resource].map(\.line) ?? "not run")")
        }
        Console.out("first sync took \(started.duration(to: .now))")

        try await printMirror(mirror.store, uid: session.uid)
        return report
    }

    /// What the store now holds, read back without the network.
    private func printMirror(_ store: CoinWeightStore, uid: UserID) async throws {
        let favorites = try await store.read(.favorites(uid: uid))
        Console.out("favorites: \(favorites.map { "\($0.counterParty):\($0.symbol)" }.joined(separator: ", "))")
        let strategies = try await store.read(.strategyItems(uid: uid))
        Console.out("strategies: \(strategies.map { "\($0.id ?? "?") \($0.name) (\($0.strategyType))" }.joined(separator: ", "))")
        let page = try await store.read(.orders(OrderFilter(owner: uid.ownAccount), limit: 5))
        Console.out("newest orders of owner \(uid.ownAccount), from the store:")
        for order in page.orders {
            Console.out(
                "  \(order.streetOrderId) \(order.counterParty) \(order.symbol) \(order.side) \(order.quantity) @ \(order.price) \(order.executionType)")
        }
    }
}
