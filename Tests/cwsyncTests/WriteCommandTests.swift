import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightStore
import CoinWeightSync
import CoinWeightTestSupport
import Foundation
import Testing

/// `cwsync layout set`, `strategy …`, `order …` and `secret …`: the built binary, on a store
/// the sync engine filled from the emulator. Each write is checked where a user would look:
/// the outbox entry, the store at once, and the server after the library delivers it.
@Suite("cwsync write commands")
struct WriteCommandTests {
    /// Nothing listens there: the client cannot connect.
    static let unreachable = "http://127.0.0.1:9/exp/v2"

    /// A harness whose store has the symbols config and abc's active orders, with abc's
    /// session saved beside the store for the binary; an outbox on the real clock (the binary
    /// stamps its entries with it) to deliver what the binary queued; and the options that
    /// point the binary at the store and the emulator.
    static func with(_ body: (SyncHarness, Outbox, [String]) async throws -> Void) async throws {
        try await SyncHarness.withOutbox { harness, _ in
            let session = try await harness.client.login(Credentials(userName: "abc", password: "abc_password"))
            try SessionFile(besideStore: harness.store.path).save(session)
            let outbox = Outbox(client: harness.client, store: harness.store)
            try await body(harness, outbox, ["--store", harness.store.path, "--endpoint", harness.running.baseURL.absoluteString])
        }
    }

    /// Runs `body` with a second store, synced from the harness's server like the first, abc's
    /// session beside it, but bound to a server that is down (nothing listens at
    /// ``unreachable``): what a user's store is while the network is gone.
    static func withOfflineStore(_ harness: SyncHarness, _ body: (CoinWeightStore) async throws -> Void) async throws {
        let path = harness.folder.appendingPathComponent("offline/cwsync.sqlite").path
        let store = try CoinWeightStore(path: path)
        defer { try? store.close() }
        let report = await SyncEngine(client: harness.client, store: store, configuration: SyncConfiguration(now: { harness.clock.now })).sync(uid: 2)
        #expect(report.isComplete, "\(report.failures)")
        let session = try await harness.client.login(Credentials(userName: "abc", password: "abc_password"))
        let identity = StoreIdentity(endpoint: try #require(URL(string: unreachable)), uid: session.uid, userName: session.userName, boundAt: Date())
        try await store.write { try $0.bindIdentity(identity, path: path) }
        try SessionFile(besideStore: path).save(session)
        try await body(store)
    }

    /// Runs `cwsync arguments` off the concurrency pool the in-process emulator answers on.
    static func cwsync(_ arguments: [String], input: String? = nil) async throws -> CWSyncRun {
        try await CWSyncBinary.run(arguments, input: input)
    }

    /// The entry id in `queued as outbox entry N…`.
    static func entryID(_ out: String) throws -> Int64 {
        let match = try #require(out.firstMatch(of: /queued as outbox entry (\d+)/), "no entry id in: \(out)")
        return try #require(Int64(match.1))
    }

    /// The local id (`local-…`) a create printed.
    static func localID(_ out: String) throws -> String {
        String(try #require(out.firstMatch(of: /local-[0-9a-f-]+/), "no local id in: \(out)").0)
    }

    /// Expects a refusal: non-zero `status` (exactly it when given), nothing on standard
    /// output, `message` on standard error, and the outbox as it was.
    static func expectRefused(
        _ result: CWSyncRun, status: Int32? = nil, _ message: String,
        outboxCount: Int, _ harness: SyncHarness, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        #expect(status.map { result.status == $0 } ?? (result.status != 0), "exit \(result.status): \(result.err)", sourceLocation: sourceLocation)
        #expect(result.out.isEmpty && result.err.contains(message), "\(result.out) \(result.err)", sourceLocation: sourceLocation)
        #expect(try await harness.store.read(.outbox()).count == outboxCount, "nothing queued", sourceLocation: sourceLocation)
    }

    @Test("layout set: queued, in the store at once, on the server once delivered; the query `layout` still works; a position off the layout is refused")
    func layoutSet() async throws {
        try await Self.with { harness, outbox, options in
            #expect(await harness.engine.sync(uid: 2, only: [.layouts]).failures.isEmpty)
            let slot = LayoutSlot(position: 2, counterParty: "okcoin", symbol: "BTC-USDT")
            #expect(try await harness.store.read(.layout(.professional, scope: .user(2))).contains(slot) == false)

            let queued = try await Self.cwsync(["layout", "set", "professional", "2", "okcoin", "BTC-USDT"] + options)
            #expect(queued.status == 0, "\(queued.err)")
            let id = try Self.entryID(queued.out)
            let entry = try await harness.store.read(.outboxEntry(id: id))
            #expect(entry?.write == .updateLayout(.professional, slot) && entry?.state == .pending && entry?.uid == 2)
            #expect(try await harness.store.read(.layout(.professional, scope: .user(2))).first { $0.position == 2 } == slot, "shown at once")
            let listed = try await Self.cwsync(["layout", "professional", "--json", "--store", harness.store.path])
            #expect(listed.status == 0 && listed.out.contains("\"okcoin\"") && listed.out.contains("\"BTC-USDT\""), "\(listed)")

            #expect(await outbox.deliver(uid: 2).delivered == [id])
            #expect(await harness.state.snapshot().user(2)?.professionalLayout.first { $0.position == 2 } == slot, "on the server")

            let count = try await harness.store.read(.outbox()).count
            for (arguments, message) in [
                (["layout", "set", "professional", "4", "okcoin", "BTC-USDT"], "position 4 is not in the professional layout"),
                (["layout", "set", "simple", "0", "okcoin", "BTC-USDT"], "position 0 is not in the simple layout"),
                (["layout", "set", "fancy", "1", "okcoin", "BTC-USDT"], "fancy"),
                (["layout", "set", "simple", "1", "okcoin"], "Missing expected argument"),
            ] {
                try await Self.expectRefused(try await Self.cwsync(arguments + options), status: 64, message, outboxCount: count, harness)
            }
            #expect(try await Self.cwsync(["layout", "set", "simple", "12", "huobi", "EOS-USDT"] + options).status == 0, "the simple layout has 12 positions")
        }
    }

    @Test("strategy create, start, update, stop, leave and delete: each queued with its item, in the store at once, on the server once delivered")
    func strategies() async throws {
        try await Self.with { harness, outbox, options in
            #expect(await harness.engine.sync(uid: 2, only: [.strategies]).failures.isEmpty)
            let existing = try #require(try await harness.store.read(.strategyItems(uid: 2)).first)
            let existingID = try #require(existing.id)
            var item = existing.withID(nil)
            item.name = "cli-mm"
            let file = harness.folder.appendingPathComponent("item.json")
            try JSONEncoder().encode(item).write(to: file)

            let created = try await Self.cwsync(["strategy", "create", "--file", file.path] + options)
            #expect(created.status == 0, "\(created.err)")
            let (create, localID) = (try Self.entryID(created.out), try Self.localID(created.out))
            #expect(try await harness.store.read(.outboxEntry(id: create))?.write == .createStrategy(item, localID: localID, twins: []))
            #expect(try await harness.store.read(.strategyItems(uid: 2)).last == item.withID(localID), "shown at once under its local id")

            let started = try await Self.cwsync(["strategy", "start", localID] + options)
            let start = try Self.entryID(started.out)
            #expect(try await harness.store.read(.outboxEntry(id: start))?.write == .startStrategy(item.withID(localID)))
            #expect(try await harness.store.read(.strategyStatuses(uid: 2)).contains(StrategyStatus(id: localID, status: .running)))

            var renamed = item.withID(localID)
            renamed.name = "cli-mm-2"
            // As `cwsync strategies --json` prints it: the item with its status, which is not part of it.
            let line = String(decoding: try JSONEncoder().encode(renamed), as: UTF8.self)
            #expect(line.hasPrefix("{"))
            try Data(("{\"status\":\"running\"," + line.dropFirst()).utf8).write(to: file)
            let updated = try await Self.cwsync(["strategy", "update", "--file", file.path] + options)
            let update = try Self.entryID(updated.out)
            #expect(try await harness.store.read(.outboxEntry(id: update))?.write == .updateStrategy(renamed))
            #expect(try await harness.store.read(.strategyItems(uid: 2)).last == renamed)

            let first = await outbox.deliver(uid: 2)
            #expect(first.delivered == [create, start, update], "\(first)")
            let onServer = await harness.state.snapshot().user(2)?.strategies.filter { $0.name.hasPrefix("cli-mm") } ?? []
            #expect(onServer.count == 1 && onServer.first?.withID(nil) == renamed.withID(nil), "made once, renamed: \(onServer)")
            let serverID = try #require(onServer.first?.id)
            #expect(await harness.state.snapshot().user(2)?.strategyStatus[serverID] == .running)

            let stopped = try await Self.cwsync(["strategy", "stop", localID] + options)
            let stop = try Self.entryID(stopped.out)
            #expect(try await harness.store.read(.outboxEntry(id: stop))?.write == .stopStrategy(renamed.withID(serverID)), "the item as the store holds it")
            #expect(try await harness.store.read(.strategyStatuses(uid: 2)).contains(StrategyStatus(id: serverID, status: .stopped)))
            let left = try await Self.cwsync(["strategy", "leave", existingID] + options)
            let leave = try Self.entryID(left.out)
            #expect(try await harness.store.read(.outboxEntry(id: leave))?.write == .leaveStrategy(existing))
            #expect(await outbox.deliver(uid: 2).delivered == [stop, leave])
            let statuses = await harness.state.snapshot().user(2)?.strategyStatus
            #expect(statuses?[serverID] == .stopped && statuses?[existingID] == .stopped, "\(String(describing: statuses))")

            let deleted = try await Self.cwsync(["strategy", "delete", serverID] + options)
            let delete = try Self.entryID(deleted.out)
            #expect(try await harness.store.read(.outboxEntry(id: delete))?.write == .deleteStrategy(id: serverID))
            #expect(try await harness.store.read(.strategyItems(uid: 2)).contains { $0.id == serverID } == false, "gone at once")
            #expect(await outbox.deliver(uid: 2).delivered == [delete])
            #expect(await harness.state.snapshot().user(2)?.strategies.contains { $0.id == serverID } == false, "gone from the server")

            let count = try await harness.store.read(.outbox()).count
            for command in ["start", "stop", "leave", "delete"] {
                try await Self.expectRefused(
                    try await Self.cwsync(["strategy", command, "no-such-id"] + options), status: 1,
                    "strategy no-such-id is not in the store", outboxCount: count, harness)
            }
            try JSONEncoder().encode(item).write(to: file)
            try await Self.expectRefused(
                try await Self.cwsync(["strategy", "update", "--file", file.path] + options), status: 1,
                "has no \"id\"", outboxCount: count, harness)
            try JSONEncoder().encode(item.withID("no-such-id")).write(to: file)
            try await Self.expectRefused(
                try await Self.cwsync(["strategy", "update", "--file", file.path] + options), status: 1,
                "strategy no-such-id is not in the store", outboxCount: count, harness)
            try Data(#"{"name":"x","exchange":"binance"}"#.utf8).write(to: file)
            try await Self.expectRefused(
                try await Self.cwsync(["strategy", "create", "--file", file.path] + options), status: 1,
                "is not a strategy item: \"strategyType\" is missing", outboxCount: count, harness)
            try await Self.expectRefused(
                try await Self.cwsync(["strategy", "create", "--file", harness.folder.appendingPathComponent("none.json").path] + options),
                status: 1, "cannot read", outboxCount: count, harness)
            try await Self.expectRefused(try await Self.cwsync(["strategy", "create"] + options), status: 64, "--file", outboxCount: count, harness)
        }
    }

    @Test("order create, update, cancel: queued with exact amounts, in the store at once, on the server once delivered; the local id keeps naming it")
    func orderLifecycle() async throws {
        try await Self.with { harness, outbox, options in
            let created = try await Self.cwsync(
                [
                    "order", "create", "--counter-party", "binance", "--symbol", "ETH-USDT", "--side", "BID", "--type", "LIMIT",
                    "--price", "2000.50", "--quantity", "1.2500", "--valid-for", "120",
                ] + options)
            #expect(created.status == 0, "\(created.err)")
            let (create, localID) = (try Self.entryID(created.out), try Self.localID(created.out))
            let order = NewOrder(orderType: .limit, symbol: "ETH-USDT", side: .bid, owner: "2", counterParty: "binance", price: "2000.50", quantity: "1.2500")
            let entry = try #require(try await harness.store.read(.outboxEntry(id: create)))
            #expect(entry.write == .createOrder(order, localID: localID), "owner defaults to abc's own account; amounts as typed")
            #expect(entry.deadline.map { abs($0.timeIntervalSince(entry.createdAt) - 120) < 0.01 } == true, "--valid-for 120")
            let shown = try await harness.store.read(.order(id: localID))
            #expect(shown?.executionType == .acknowledged && shown?.price.text == "2000.50" && shown?.quantity.text == "1.2500", "shown at once")

            #expect(await outbox.deliver(uid: 2).delivered == [create])
            let placed = await harness.placed(order)
            #expect(placed.count == 1)
            let serverID = try #require(placed.first?.streetOrderId)
            #expect(try await harness.store.read(.order(id: localID)) == nil, "the local row is replaced")
            #expect(try await harness.store.read(.order(id: serverID)) != nil, "by the server's")

            // The local id the create printed still names the order once the server's id replaced it.
            let updated = try await Self.cwsync(["order", "update", localID, "--price", "2001.00"] + options)
            #expect(updated.status == 0, "\(updated.err)")
            let update = try Self.entryID(updated.out)
            let amendment = OrderAmendment(streetOrderId: serverID, price: "2001.00", quantity: "1.2500", owner: "2", counterParty: "binance")
            #expect(try await harness.store.read(.outboxEntry(id: update))?.write == .updateOrder(amendment), "owner, counterParty and quantity from the store")
            #expect(try await harness.store.read(.order(id: serverID))?.price.text == "2001.00", "shown at once")
            #expect(await outbox.deliver(uid: 2).delivered == [update])
            let amended = await harness.state.snapshot().orders.first { $0.streetOrderId == serverID }
            #expect(
                amended?.price.isSameAmount(as: "2001.00") == true && amended?.quantity.isSameAmount(as: "1.2500") == true, "\(String(describing: amended))")

            let canceled = try await Self.cwsync(["order", "cancel", serverID] + options)
            let cancel = try Self.entryID(canceled.out)
            #expect(
                try await harness.store.read(.outboxEntry(id: cancel))?.write
                    == .cancelOrder(OrderReference(streetOrderId: serverID, owner: "2", counterParty: "binance")))
            #expect(try await harness.store.read(.order(id: serverID))?.executionType == .canceling, "shown at once")
            #expect(await outbox.deliver(uid: 2).delivered == [cancel])
            #expect(await harness.state.snapshot().orders.first { $0.streetOrderId == serverID }?.executionType == .canceled)

            #expect(await harness.engine.sync(uid: 2, only: [.activeOrders]).failures.isEmpty, "the store learns it is canceled")
            #expect(try await harness.store.read(.order(id: serverID))?.executionType == .canceled)
            let count = try await harness.store.read(.outbox()).count
            try await Self.expectRefused(
                try await Self.cwsync(["order", "update", "no-such-order", "--price", "1.00"] + options), status: 1,
                "order no-such-order is not in the store", outboxCount: count, harness)
            try await Self.expectRefused(
                try await Self.cwsync(["order", "cancel", "no-such-order"] + options), status: 1,
                "order no-such-order is not in the store", outboxCount: count, harness)
            try await Self.expectRefused(
                try await Self.cwsync(["order", "cancel", serverID] + options), status: 1,
                "EXECUTION_CANCELED already", outboxCount: count, harness)
            try await Self.expectRefused(
                try await Self.cwsync(["order", "update", serverID, "--quantity", "2.0"] + options), status: 1,
                "only an unfilled order", outboxCount: count, harness)
            try await Self.expectRefused(
                try await Self.cwsync(["order", "update", serverID] + options), status: 64,
                "give --price, --quantity or both", outboxCount: count, harness)
        }
    }

    @Test("order cancel-all queues one cancel-all for the owner and exchanges named; the other exchanges' orders stay")
    func cancelAll() async throws {
        try await Self.with { harness, outbox, options in
            let onBinance = try await harness.client.createOrder(NewOrder.sample(quantity: "1.0000"))
            var other = NewOrder.sample(quantity: "2.0000")
            other.counterParty = "huobi"
            let onHuobi = try await harness.client.createOrder(other)
            // The strategies too: their owners (strategy-10) are abc's accounts.
            #expect(await harness.engine.sync(uid: 2, only: [.activeOrders, .strategies]).failures.isEmpty)

            let queued = try await Self.cwsync(["order", "cancel-all", "--counter-party", "binance"] + options)
            #expect(queued.status == 0, "\(queued.err)")
            let id = try Self.entryID(queued.out)
            #expect(
                try await harness.store.read(.outboxEntry(id: id))?.write == .cancelAllOrders(CancelAllRequest(owner: "2", selectedCounterParty: ["binance"])))
            #expect(try await harness.store.read(.order(id: onBinance.streetOrderId))?.executionType == .canceling, "shown at once")
            #expect(try await harness.store.read(.order(id: onHuobi.streetOrderId))?.executionType == .acknowledged)

            #expect(await outbox.deliver(uid: 2).delivered == [id])
            let server = await harness.state.snapshot().orders
            #expect(server.first { $0.streetOrderId == onBinance.streetOrderId }?.executionType == .canceled)
            #expect(server.first { $0.streetOrderId == onHuobi.streetOrderId }?.executionType == .acknowledged)

            let all = try await Self.cwsync(
                ["order", "cancel-all", "--owner", "strategy-10", "--counter-party", "huobi", "--counter-party", "okcoin"] + options)
            #expect(
                try await harness.store.read(.outboxEntry(id: try Self.entryID(all.out)))?.write
                    == .cancelAllOrders(CancelAllRequest(owner: "strategy-10", selectedCounterParty: ["huobi", "okcoin"])))
            let foreign = try await Self.cwsync(["order", "cancel-all", "--owner", "3"] + options)
            #expect(foreign.status == 1 && foreign.out.isEmpty && foreign.err.contains("owner 3 is not an account of user 2"), "\(foreign.err)")
            let everywhere = try await Self.cwsync(["order", "cancel-all"] + options)
            #expect(
                try await harness.store.read(.outboxEntry(id: try Self.entryID(everywhere.out)))?.write
                    == .cancelAllOrders(CancelAllRequest(owner: "2", selectedCounterParty: [])), "no exchange named: all of them")
        }
    }

    @Test("an order that breaks a rule names it and queues nothing; bad amounts and flags are refused before anything is opened")
    func orderRefusals() async throws {
        try await Self.with { harness, _, options in
            let base = ["order", "create", "--counter-party", "binance", "--symbol", "ETH-USDT", "--side", "ASK", "--type", "LIMIT"]
            let cases: [([String], Int32, String)] = [
                (["--price", "2000.50", "--quantity", "0.0001"], 1, "quantity 0.0001 is below quantityMin"),
                (["--price", "2000.50", "--quantity", "20000.0"], 1, "above quantityMax"),
                (["--price", "2000.505", "--quantity", "1.0"], 1, "more than priceDecimal 2 decimals"),
                (["--price", "0", "--quantity", "1.0"], 1, "must be greater than 0"),
                (["--price", "1e3", "--quantity", "1.0"], 64, "\"1e3\" is not a plain decimal number"),
                (["--price", "2000.50", "--quantity", "1,5"], 64, "\"1,5\" is not a plain decimal number"),
                (["--price", "2000.50", "--quantity", "1.0", "--valid-for", "0"], 64, "--valid-for must be a positive number of seconds"),
                (["--price", "2000.50"], 64, "--quantity"),
            ]
            for (arguments, status, message) in cases {
                try await Self.expectRefused(try await Self.cwsync(base + arguments + options), status: status, message, outboxCount: 0, harness)
            }
            let unknownSymbol = [
                "order", "create", "--counter-party", "binance", "--symbol", "DOGE-USDT", "--side", "BID", "--type", "LIMIT", "--price", "1.0", "--quantity",
                "1.0",
            ]
            try await Self.expectRefused(
                try await Self.cwsync(unknownSymbol + options), status: 1, "symbol DOGE-USDT is not traded on binance", outboxCount: 0, harness)
            let badSide = [
                "order", "create", "--counter-party", "binance", "--symbol", "ETH-USDT", "--side", "BUY", "--type", "LIMIT", "--price", "1.0", "--quantity",
                "1.0",
            ]
            try await Self.expectRefused(try await Self.cwsync(badSide + options), status: 64, "BUY", outboxCount: 0, harness)
            let badType = [
                "order", "create", "--counter-party", "binance", "--symbol", "ETH-USDT", "--side", "BID", "--type", "STOP", "--price", "1.0", "--quantity",
                "1.0",
            ]
            try await Self.expectRefused(try await Self.cwsync(badType + options), status: 64, "STOP", outboxCount: 0, harness)
            let refused = try await Self.cwsync(base + ["--price", "2000.50", "--quantity", "0.0001"] + options)
            #expect(refused.err.split(separator: "\n").count == 1, "one line: \(refused.err)")
        }
    }

    @Test("offline, a MARKET order is refused unless --allow-offline; a LIMIT order is queued; online, a MARKET order is queued")
    func marketOffline() async throws {
        try await Self.with { harness, outbox, options in
            func create(_ type: String, _ quantity: String, _ extra: [String]) -> [String] {
                [
                    "order", "create", "--counter-party", "binance", "--symbol", "ETH-USDT", "--side", "BID", "--type", type,
                    "--price", "2000.50", "--quantity", quantity,
                ] + extra
            }
            try await Self.withOfflineStore(harness) { store in
                let offline = ["--store", store.path]
                let refused = try await Self.cwsync(create("MARKET", "1.0000", offline))
                #expect(
                    refused.status == 1 && refused.out.isEmpty && refused.err.contains("a MARKET order is not queued while the server cannot be reached"),
                    "\(refused.out)\(refused.err)")
                #expect(refused.err.contains("--allow-offline") && refused.err.split(separator: "\n").count == 1, "\(refused.err)")
                #expect(try await store.read(.outbox()).isEmpty, "nothing queued")

                let limit = try await Self.cwsync(create("LIMIT", "2.0000", offline))
                #expect(limit.status == 0, "\(limit.err)")
                #expect(limit.out.contains(/; sent only until \d\d:\d\d:\d\d UTC \(--valid-for to change\)/), "the deadline said: \(limit.out)")
                let asked = try await Self.cwsync(create("market", "3.0000", offline + ["--allow-offline"]))
                #expect(asked.status == 0, "\(asked.err)")
                let askedEntry = try await store.read(.outboxEntry(id: try Self.entryID(asked.out)))
                guard case .createOrder(let order, _) = askedEntry?.write else {
                    Issue.record("not an order create: \(String(describing: askedEntry))")
                    return
                }
                #expect(order.orderType == .market && order.quantity == "3.0000")
                #expect(try await store.read(.outbox(uid: 2, states: [.pending])).count == 2)
            }

            let online = try await Self.cwsync(create("MARKET", "4.0000", options))
            #expect(online.status == 0, "\(online.err)")
            #expect(try await harness.store.read(.outbox(uid: 2, states: [.pending])).count == 1)
            #expect(await outbox.deliver(uid: 2).delivered.count == 1)
            let filled = await harness.state.snapshot().orders(owner: "2").filter { $0.orderType == .market }
            #expect(filled.count == 1 && filled.allSatisfy { $0.executionType == .filled }, "\(filled)")
        }
    }

    @Test(
        "secret add reads the secret from standard input and reaches the server, masked in its state and the store, the plaintext nowhere on disk; secret remove takes it off"
    )
    func secrets() async throws {
        try await Self.with { harness, _, options in
            let plaintext = "plaintext-secret-9c1e"
            let added = try await Self.cwsync(
                ["secret", "add", "--counter-party", "binance", "--owner", "2", "--api-key", "key-cli"] + options, input: plaintext + "\n")
            #expect(added.status == 0, "\(added.err)")
            #expect(!added.out.contains(plaintext) && !added.err.contains(plaintext))
            let masked = SecretMetadata(counterParty: "binance", owner: "2", apiKey: "key-cli", maskedSecretKey: "p****e")
            #expect(await harness.state.snapshot().secrets.contains(masked), "on the server")
            #expect(try await harness.store.read(.secrets(owner: "2")) == [masked], "read back into the store, masked")
            #expect(try await harness.store.read(.outbox()).isEmpty, "never queued")
            let files = try FileManager.default.contentsOfDirectory(atPath: harness.folder.path)
            #expect(files.contains("cwsync.sqlite-wal") && files.contains("cwsync.sqlite"), "\(files)")
            #expect(try await filesHolding(plaintext, in: harness.folder).isEmpty, "no plaintext in the store, its WAL or beside them")
            #expect(try await filesHolding("key-cli", in: harness.folder).count >= 1, "the search does find what the store holds")

            let duplicate = try await Self.cwsync(["secret", "add", "--counter-party", "binance", "--api-key", "key-2"] + options, input: "another-secret\n")
            #expect(duplicate.status == 1 && duplicate.out.isEmpty && duplicate.err.contains("Duplicated secret key"), "\(duplicate)")
            #expect(duplicate.err.split(separator: "\n").count == 1, "one line: \(duplicate.err)")
            let empty = try await Self.cwsync(["secret", "add", "--counter-party", "huobi", "--api-key", "key-3"] + options, input: "")
            #expect(empty.status == 64 && empty.err.contains("no secret key on standard input"), "\(empty)")
            let missing = try await Self.cwsync(["secret", "add", "--counter-party", "huobi"] + options, input: "s3cret\n")
            #expect(missing.status == 64 && missing.err.contains("--api-key"), "\(missing)")

            let removed = try await Self.cwsync(["secret", "remove", "--counter-party", "binance", "--owner", "2"] + options)
            #expect(removed.status == 0, "\(removed.err)")
            #expect(await harness.state.snapshot().secrets.contains { $0.owner == "2" && $0.counterParty == "binance" } == false, "gone from the server")
            #expect(try await harness.store.read(.secrets(owner: "2")).isEmpty, "and from the store")
            #expect(try await harness.store.read(.outbox()).isEmpty, "never queued")
        }
    }

    @Test("offline, secret add and remove fail at once with the client's error, exit 4, nothing queued or written")
    func secretsOffline() async throws {
        try await Self.with { harness, _, _ in
            try await Self.withOfflineStore(harness) { store in
                let offline = ["--store", store.path]
                let plaintext = "offline-secret-4d2b"
                let added = try await Self.cwsync(["secret", "add", "--counter-party", "binance", "--api-key", "key-off"] + offline, input: plaintext + "\n")
                #expect(added.status == 4 && added.out.isEmpty && added.err.contains("could not connect"), "\(added.out)\(added.err)")
                #expect(added.err.split(separator: "\n").count == 1, "one line: \(added.err)")
                let removed = try await Self.cwsync(["secret", "remove", "--counter-party", "binance"] + offline)
                #expect(removed.status == 4 && removed.out.isEmpty && removed.err.contains("could not connect"), "\(removed.out)\(removed.err)")
                #expect(try await store.read(.outbox()).isEmpty, "never queued")
                #expect(try await filesHolding(plaintext, in: harness.folder).isEmpty, "no plaintext in the stores, their WALs or beside them")
            }
        }
    }

    @Test("not logged in, every write command is one line and exit 5, and queues nothing")
    func notLoggedIn() async throws {
        try await withTemporaryDirectory { folder in
            let store = folder.appendingPathComponent("cwsync.sqlite").path
            let options = ["--store", store, "--endpoint", Self.unreachable]
            let commands: [[String]] = [
                ["layout", "set", "simple", "1", "binance", "ETH-USDT"],
                ["strategy", "start", "1"],
                ["strategy", "create", "--file", folder.appendingPathComponent("item.json").path],
                [
                    "order", "create", "--counter-party", "binance", "--symbol", "ETH-USDT", "--side", "BID", "--type", "LIMIT", "--price", "1.00",
                    "--quantity", "1.0",
                ],
                ["order", "cancel", "1"],
                ["order", "cancel-all"],
                ["secret", "add", "--counter-party", "binance", "--api-key", "k"],
                ["secret", "remove", "--counter-party", "binance"],
                ["favorite", "add", "binance", "ETH-USDT"],
            ]
            for command in commands {
                let result = try await Self.cwsync(command + options, input: "never-read\n")
                #expect(result.status == 5 && result.out.isEmpty, "\(command): \(result)")
                #expect(result.err == "cwsync: not logged in: run cwsync login --user NAME\n", "\(command): \(result.err)")
            }
            let opened = try CoinWeightStore(path: store)
            defer { try? opened.close() }
            #expect(try await opened.read(.outbox()).isEmpty)
        }
    }
}
