import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightStore
import CoinWeightSync
import CoinWeightTestSupport
import Foundation
import Testing

/// `cwsync orders|favorites|layout|strategies|secrets|positions|symbols|markets`: the built
/// binary, offline, on a store the sync engine filled from the emulator.
@Suite("cwsync offline queries")
struct QueryCommandTests {
    /// The fields of the spec's order object, exactly.
    static let orderFields: Set<String> = [
        "streetOrderId", "orderType", "symbol", "side", "owner", "counterParty", "price", "quantity",
        "filledPrice", "filledQuantity", "executionType", "createTime", "processedTime",
    ]

    @Test("orders pages are the store's pages and the emulator's orders, field for field; --after follows with no overlap")
    func ordersPages() async throws {
        try await Self.withSyncedStore { harness, path in
            let history = OrderFilter(owner: "2", executionTypes: ExecutionType.inactiveStates)
            let storeFirst = try await harness.store.read(.orders(history, limit: 50))
            let server = await harness.serverOrders(owner: "2").filter { ExecutionType.inactiveStates.contains($0.executionType) }
            #expect(server.count > 100)

            let first = try await Self.orderPage(["orders", "--history", "--limit", "50", "--json", "--store", path])
            #expect(first.orders.count == 50)
            #expect(first.orders == storeFirst.orders)
            #expect(first.orders == Array(server.prefix(50)), "the emulator's own orders")
            let cursor = try #require(storeFirst.next)
            #expect(first.next == "\(cursor.createTime):\(cursor.streetOrderId)")

            let second = try await Self.orderPage(["orders", "--history", "--limit", "50", "--json", "--after", try #require(first.next), "--store", path])
            #expect(second.orders == (try await harness.store.read(.orders(history, after: cursor, limit: 50))).orders)
            #expect(second.orders == Array(server[50..<100]))
            #expect(Set(first.orders.map(\.streetOrderId)).isDisjoint(with: second.orders.map(\.streetOrderId)))
            #expect(second.orders.first.map { ($0.createTime, $0.streetOrderId) < (cursor.createTime, cursor.streetOrderId) } == true)

            let raw = try await CWSyncBinary.run(["orders", "--limit", "3", "--json", "--store", path])
            let objects = raw.out.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            #expect(objects.dropLast().allSatisfy { $0.map { Set($0.keys) } == Self.orderFields }, "the spec's order object: \(raw.out)")
            #expect(objects.dropLast().allSatisfy { $0?["price"] is String && $0?["filledQuantity"] is String }, "amounts as strings")
            let newest = try await harness.store.read(.orders(OrderFilter(owner: "2"), limit: 3)).orders
            #expect(objects.dropLast().map { $0?["price"] as? String } == newest.map(\.price.text))
        }
    }

    @Test("--active, --symbol, --side, --counter-party, --since and --until give what the store query gives; --owner reads another account")
    func orderFilters() async throws {
        try await Self.withSyncedStore { harness, path in
            let all = try await harness.storedOrders(owner: "2")
            let (newer, older) = (all[20].createTime, all[200].createTime)
            let cases: [([String], OrderFilter)] = [
                (["--active"], OrderFilter(owner: "2", executionTypes: ExecutionType.activeStates)),
                (["--active", "--history"], OrderFilter(owner: "2")),
                (["--symbol", "ETH-USDT", "--side", "BID"], OrderFilter(owner: "2", symbol: "ETH-USDT", side: .bid)),
                (
                    ["--counter-party", "huobi", "--side", "ask", "--history"],
                    OrderFilter(owner: "2", counterParty: "huobi", side: .ask, executionTypes: ExecutionType.inactiveStates)
                ),
                (["--since", String(older), "--until", String(newer)], OrderFilter(owner: "2", createdIn: older...newer)),
                (["--since", String(older)], OrderFilter(owner: "2", createdIn: older...Int64.max)),
                (["--owner", "strategy-10"], OrderFilter(owner: "strategy-10")),
            ]
            for (arguments, filter) in cases {
                let printed = try await Self.orderPage(["orders", "--json", "--limit", "40", "--store", path] + arguments).orders
                let expected = try await harness.store.read(.orders(filter, limit: 40)).orders
                #expect(!expected.isEmpty && printed == expected, "\(arguments)")
            }
            let other = try await Self.orderPage(["orders", "--json", "--limit", "1000", "--owner", "strategy-10", "--store", path]).orders
            let otherOnServer = await harness.serverOrders(owner: "strategy-10")
            #expect(other.count > 100 && other == otherOnServer, "every order of strategy-10, as the emulator has them")

            let day = try await Self.orderPage(["orders", "--json", "--limit", "1000", "--since", "2026-09-01", "--until", "2026-09-01", "--store", path])
                .orders
            let dayStart: Int64 = 1_788_220_800_000
            #expect(!day.isEmpty && day == all.filter { (dayStart..<dayStart + 86_400_000).contains($0.createTime) }, "a day stands for all of it")

            let table = try await CWSyncBinary.run(["orders", "--limit", "30", "--store", path])
            let rows = table.out.split(separator: "\n").dropFirst().map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
            let created = try #require(rows.last?[1], "the CREATED column")
            let until = try await Self.orderPage(["orders", "--json", "--limit", "1", "--until", created, "--store", path]).orders
            #expect(until.map(\.streetOrderId) == [all[29].streetOrderId], "a CREATED time from the table, read back by --until, includes its order")
        }
    }

    @Test("the table has a header and aligned columns, and its cursor is the last line on standard error; CWSYNC_STORE names the store")
    func ordersTable() async throws {
        try await Self.withSyncedStore { harness, path in
            let result = try await CWSyncBinary.run(["orders", "--limit", "5", "--store", path])
            #expect(result.status == 0, "\(result.err)")
            let lines = result.out.split(separator: "\n").map(String.init)
            let page = try await harness.store.read(.orders(OrderFilter(owner: "2"), limit: 5))
            #expect(
                lines.first?.split(separator: " ", omittingEmptySubsequences: true) == [
                    "ID", "CREATED", "COUNTERPARTY", "SYMBOL", "SIDE", "TYPE", "PRICE", "QUANTITY", "FILLED", "FILL-PRICE", "STATE", "PENDING",
                ])
            #expect(lines.dropFirst().map { String($0.prefix { $0 != " " }) } == page.orders.map(\.streetOrderId))
            let priceColumn = try #require(lines.first?.range(of: "PRICE")).lowerBound.utf16Offset(in: lines[0])
            for (line, order) in zip(lines.dropFirst(), page.orders) {
                #expect(line.dropFirst(priceColumn).hasPrefix(order.price.text + " "), "aligned: \(line)")
            }
            let next = try #require(page.next)
            #expect(result.err.split(separator: "\n").last.map(String.init) == "next: \(next.createTime):\(next.streetOrderId)")

            let fromEnvironment = try await CWSyncBinary.run(["orders", "--limit", "5"], environment: ["CWSYNC_STORE": path])
            #expect(fromEnvironment.status == 0 && fromEnvironment.out == result.out)
        }
    }

    @Test("favorites, layout, strategies, secrets, positions, symbols and markets print what the store holds")
    func otherQueries() async throws {
        try await Self.withSyncedStore { harness, path in
            let store = harness.store
            func json<T: Decodable>(_ type: T.Type, _ arguments: [String]) async throws -> [T] {
                let result = try await CWSyncBinary.run(arguments + ["--json", "--store", path])
                #expect(result.status == 0, "\(arguments): \(result.err)")
                return try result.out.split(separator: "\n").map { try JSONDecoder().decode(T.self, from: Data($0.utf8)) }
            }
            let favorites = try await store.read(.favorites(uid: 2))
            #expect(favorites.contains { $0.pair == MarketPair(counterParty: "okcoin", symbol: "BTC-USDT") })
            #expect(try await json(MarketItem.self, ["favorites"]) == favorites)
            #expect(try await json(LayoutSlot.self, ["layout", "simple"]) == (try await store.read(.layout(.simple, scope: .user(2)))))
            #expect(try await json(LayoutSlot.self, ["layout", "simple"]).contains(LayoutSlot(position: 7, counterParty: "okcoin", symbol: "BTC-USDT")))
            #expect(
                try await json(LayoutSlot.self, ["layout", "professional", "--defaults"]) == (try await store.read(.layout(.professional, scope: .defaults))))
            #expect(try await json(MarketCategory.self, ["markets"]) == (try await store.read(.markets(scope: .user(2)))))
            #expect(try await json(MarketCategory.self, ["markets", "--defaults"]) == (try await store.read(.markets(scope: .defaults))))
            #expect(try await json(CounterPartySymbols.self, ["symbols"]) == (try await store.read(.symbols)))
            #expect(try await json(Position.self, ["positions"]) == (try await store.read(.positions(uid: 2))))
            #expect(try await json(Position.self, ["positions", "--uid", "3"]).isEmpty, "another user's: not in this store")
            for owner in ["2", "strategy-10"] {
                let secrets = try await store.read(.secrets(owner: owner))
                let printed = try await json(SecretMetadata.self, ["secrets", "--owner", owner])
                #expect(secrets.count == 1 && printed == secrets)
            }
            let secretsOut = try await CWSyncBinary.run(["secrets", "--json", "--store", path]).out
            #expect(secretsOut.contains("\"secretKey\":\"") && !secretsOut.contains("plain-secret"), "masked: \(secretsOut)")

            let items = try await store.read(.strategyItems(uid: 2))
            let statuses = try await store.read(.strategyStatuses(uid: 2))
            let printed = try await json(StrategyItem.self, ["strategies"])
            #expect(!items.isEmpty && printed.map { $0.withoutField("status") } == items)
            #expect(printed.map { $0.extraFields["status"]?.stringValue } == items.map { item in statuses.first { $0.id == item.id }?.status.rawValue })

            for (arguments, header, rows) in [
                (["favorites"], "COUNTERPARTY  SYMBOL", favorites.count),
                (["secrets", "--owner", "strategy-10"], "COUNTERPARTY  OWNER        API-KEY          SECRET", 1),
                (["strategies"], "ID  NAME   TYPE", items.count),
                (["markets"], "CATEGORY  COUNTERPARTY  SYMBOL", try await store.read(.markets(scope: .user(2))).flatMap(\.items).count),
                (["symbols"], "COUNTERPARTY  SYMBOL", try await store.read(.symbols).flatMap(\.symbols).count),
            ] {
                let table = try await CWSyncBinary.run(arguments + ["--store", path])
                let lines = table.out.split(separator: "\n")
                #expect(table.status == 0 && lines.first?.hasPrefix(header) == true && lines.count == rows + 1, "\(arguments): \(table.out)")
            }
        }
    }

    @Test("account shows the user info and balances the store holds, each with its sync time; strategies --templates the templates")
    func accountAndTemplates() async throws {
        try await Self.withSyncedStore { harness, path in
            let store = harness.store
            let info = try #require(try await store.read(.userInfo(uid: 2)))
            let positions = try await store.read(.positions(uid: 2))
            #expect(!positions.isEmpty)
            struct View: Decodable {
                var userInfo: UserInfo?
                var positions: [Position]
                var userInfoSyncedAt: Int64?
                var positionsSyncedAt: Int64?
            }
            let json = try await CWSyncBinary.run(["account", "--json", "--store", path])
            #expect(json.status == 0 && json.err.isEmpty, "\(json.err)")
            let view = try JSONDecoder().decode(View.self, from: Data(json.out.utf8))
            #expect(view.userInfo == info && view.positions == positions)
            #expect(view.userInfo == (await harness.state.snapshot().user(2)?.info), "what the server serves")
            let synced = try await store.read(.syncState("userInfo:2"))?.lastSuccessAt?.millisecondsSince1970
            #expect(synced != nil && view.userInfoSyncedAt == synced)
            #expect(view.positionsSyncedAt == (try await store.read(.syncState("positions:2"))?.lastSuccessAt?.millisecondsSince1970))

            let table = try await CWSyncBinary.run(["account", "--store", path])
            let lines = table.out.split(separator: "\n").map(String.init)
            #expect(table.status == 0 && lines.first?.hasPrefix("abc (uid 2)") == true, "\(table.out)")
            #expect(lines.contains { $0.hasPrefix("estimated value") && $0.hasSuffix(info.estimatedValue) }, "\(table.out)")
            #expect(lines.contains { $0.hasPrefix("on orders") && $0.hasSuffix(info.onOrders) }, "\(table.out)")
            #expect(lines.contains { $0.hasPrefix("COUNTERPARTY  CURRENCY") } && lines.count == 8 + positions.count, "\(table.out)")

            let nobody = try await CWSyncBinary.run(["account", "--uid", "3", "--json", "--store", path])
            #expect(nobody.status == 0 && nobody.err.contains("nothing of uid 3's account is synced yet"), "\(nobody.err)")
            #expect(try JSONDecoder().decode(View.self, from: Data(nobody.out.utf8)).userInfo == nil)

            let templates = try await CWSyncBinary.run(["strategies", "--templates", "--json", "--store", path])
            let printed = try templates.out.split(separator: "\n").map { try JSONDecoder().decode(StrategyTemplate.self, from: Data($0.utf8)) }
            let stored = try await store.read(.strategyTemplates)
            #expect(templates.status == 0 && !printed.isEmpty && printed == stored)
            #expect(printed == (try await harness.client.strategyTemplates()), "what the server serves")
            let templateTable = try await CWSyncBinary.run(["strategies", "--templates", "--store", path])
            #expect(templateTable.out.split(separator: "\n").count == printed.count + 1 && templateTable.out.hasPrefix("TEMPLATE  "), "\(templateTable.out)")
        }
    }

    @Test("a missing store is not created, a newer one is refused, nobody logged in is said: one line each, non-zero exit")
    func refusals() async throws {
        try await withTemporaryDirectory { folder in
            let missing = folder.appendingPathComponent("none/cwsync.sqlite").path
            for command in [["orders"], ["favorites"], ["layout", "simple"], ["strategies"], ["secrets"], ["positions"], ["symbols"], ["markets"]] {
                let result = try await CWSyncBinary.run(command + ["--store", missing])
                #expect(result.status != 0 && result.out.isEmpty, "\(command)")
                #expect(result.err == "cwsync: no store at \(missing): run `cwsync sync` first, or pass --store\n", "\(command)")
            }
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("none").path), "nothing created")

            let path = folder.appendingPathComponent("cwsync.sqlite").path
            try CoinWeightStore(path: path).close()
            let loggedOut = try await CWSyncBinary.run(["orders", "--store", path])
            #expect(loggedOut.status == 5 && loggedOut.err == "cwsync: not logged in: pass --owner, or run cwsync login --user NAME\n")
            let noUser = try await CWSyncBinary.run(["layout", "simple", "--store", path])
            #expect(noUser.status == 5 && noUser.err == "cwsync: not logged in: pass --uid or --defaults, or run cwsync login --user NAME\n")
            #expect(
                try await CWSyncBinary.run(["orders", "--owner", "2", "--store", path]).out.split(separator: "\n").first
                    == "ID  CREATED  COUNTERPARTY  SYMBOL  SIDE  TYPE  PRICE  QUANTITY  FILLED  FILL-PRICE  STATE  PENDING")

            let newerPath = folder.appendingPathComponent("newer.sqlite").path
            try CoinWeightStore(path: newerPath).close()
            #expect(!FileManager.default.fileExists(atPath: newerPath + "-wal"), "the version is read from the file header")
            let handle = try #require(FileHandle(forUpdatingAtPath: newerPath))
            try handle.seek(toOffset: 60)
            try handle.write(contentsOf: Data([0, 0, 3, 0xE7]))
            try handle.close()
            let before = try Data(contentsOf: URL(fileURLWithPath: newerPath))
            let newer = try await CWSyncBinary.run(["orders", "--owner", "2", "--store", newerPath])
            #expect(newer.status != 0 && newer.out.isEmpty)
            #expect(
                newer.err.hasPrefix("cwsync: \(newerPath) was written by a newer version (schema version 999;") && newer.err.filter { $0 == "\n" }.count == 1,
                "\(newer.err)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: newerPath)) == before, "left as it was")
            #expect(!FileManager.default.fileExists(atPath: newerPath + "-wal") && !FileManager.default.fileExists(atPath: newerPath + "-shm"))
        }
    }

    @Test(
        "bad flags are argument-parser's usage error naming the flag, before the store is touched",
        arguments: [
            (["orders", "--limit", "-1"], "--limit"),
            (["orders", "--limit", "0"], "--limit must be 1 or more"),
            (["orders", "--side", "SIDEWAYS"], "'SIDEWAYS' is invalid for '--side <side>'"),
            (["orders", "--since", "yesterday"], "'yesterday' is invalid for '--since <time>'"),
            (["orders", "--until", "2026-09-21T12:00:00"], "'2026-09-21T12:00:00' is invalid for '--until <time>'"),
            (["orders", "--since", "2026-09-02", "--until", "2026-09-01"], "--since is after --until"),
            (["orders", "--after", "1790000000000"], "is invalid for '--after <cursor>'"),
            (["layout", "diagonal"], "'diagonal' is invalid for '<kind>'"),
            (["markets", "--defaults", "--uid", "2"], "--defaults and --uid exclude each other"),
        ])
    func badFlags(arguments: [String], message: String) async throws {
        try await withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("cwsync.sqlite").path
            let result = try await CWSyncBinary.run(arguments + ["--store", path])
            let errors = result.err.split(separator: "\n").filter { $0.hasPrefix("Error: ") }
            #expect(result.status == 64 && result.out.isEmpty, "\(arguments): \(result.status) \(result.err)")
            #expect(errors.count == 1 && errors[0].contains(message), "\(arguments): \(result.err)")
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    /// Runs `body` with abc's store synced from an emulator (orders of owners 2 and
    /// strategy-10, a favorite, a layout slot and a secret per owner added first) and abc's
    /// session saved beside it, as `cwsync login` leaves it.
    static func withSyncedStore(_ body: (SyncHarness, String) async throws -> Void) async throws {
        try await SyncHarness.with(seedOrders: 600, seedDays: 40) { harness in
            await harness.state.seedHistory(owner: "strategy-10", count: 150, days: 20, seed: 9, endTime: harness.clock.now.millisecondsSince1970)
            for (owner, counterParty) in [("2", "binance"), ("strategy-10", "huobi")] {
                try await harness.client.addSecret(
                    NewSecret(counterParty: counterParty, owner: owner, apiKey: "key-\(owner)", secretKey: "plain-secret-\(owner)"))
            }
            let pair = MarketPair(counterParty: "okcoin", symbol: "BTC-USDT")
            try await harness.client.addFavorite(uid: 2, pair)
            try await harness.client.updateLayout(.simple, uid: 2, slot: LayoutSlot(position: 7, counterParty: pair.counterParty, symbol: pair.symbol))
            let report = await harness.engine.sync(uid: 2)
            #expect(report.isComplete, "\(report.failures)")
            let path = harness.store.path
            try SessionFile(besideStore: path).save(try await harness.client.login(Credentials(userName: "abc", password: "abc_password")))
            try await body(harness, path)
        }
    }

    /// The orders of a `--json` page, and its cursor from the final `{"next":...}` line.
    static func orderPage(_ arguments: [String]) async throws -> (orders: [Order], next: String?) {
        let result = try await CWSyncBinary.run(arguments)
        #expect(result.status == 0 && result.err.isEmpty, "\(arguments): \(result.err)")
        var lines = result.out.split(separator: "\n").map { Data($0.utf8) }
        let next = lines.last.flatMap { try? JSONDecoder().decode([String: String].self, from: $0) }?["next"]
        if next != nil { lines.removeLast() }
        return (try lines.map { try JSONDecoder().decode(Order.self, from: $0) }, next)
    }

}

extension StrategyItem {
    /// The item without one of the fields it does not model.
    func withoutField(_ field: String) -> StrategyItem {
        var copy = self
        copy.extraFields[field] = nil
        return copy
    }
}
