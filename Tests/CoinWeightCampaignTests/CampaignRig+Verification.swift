import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightStore
import CoinWeightTestSupport
import Foundation
import Testing

/// The end of a campaign: everything delivered, every write on the server exactly once, the
/// mirror equal to the server, the store sound, no token in any log.
extension CampaignRig {
    /// Waits until `cwsync status` shows no write pending or being sent, logging in again
    /// whenever it says a login is needed.
    func drain(within timeout: Duration) async throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            let status = try await status()
            if status.waiting == 0 { return }
            if status.authRequired { try await login() }
            guard ContinuousClock.now < deadline else {
                throw CampaignFailure(
                    "\(status.waiting) writes still waiting after \(timeout):\n\(try await waitingEntries())\n\(try newestDaemonLog(lines: 30))")
            }
            try await Task.sleep(for: .milliseconds(250))
        }
    }

    /// The outbox entries still pending or being sent, as `cwsync outbox list --json` shows them.
    private func waitingEntries() async throws -> String {
        try await cwsync(["outbox", "list", "--json", "--store", store]).out.split(separator: "\n")
            .filter { $0.contains(#""state":"pending""#) || $0.contains(#""state":"sending""#) }.joined(separator: "\n")
    }

    /// The last lines of the newest daemon log.
    private func newestDaemonLog(lines: Int) throws -> String {
        let logs = try FileManager.default.contentsOfDirectory(at: logs, includingPropertiesForKeys: [.contentModificationDateKey])
            .filter { $0.lastPathComponent.hasPrefix("daemon-") }
        let newest = try logs.max {
            try $0.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate ?? .distantPast
                < $1.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate ?? .distantPast
        }
        guard let newest else { return "no daemon log" }
        let text = String(decoding: try Data(contentsOf: newest), as: UTF8.self)
        return "\(newest.lastPathComponent), last \(lines) lines:\n" + text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }

    /// Stops daemon `number` with SIGTERM once it serves (a SIGTERM before its signal handling
    /// is up ends it by the signal's default action), expecting exit 0 (SIGKILL after two
    /// minutes, a safety net).
    func stopGracefully(_ daemon: ChildProcess, number: Int) async throws {
        let log = logs.appendingPathComponent("daemon-\(number).log")
        try await waitUntil("daemon \(number) serves") {
            (try? String(contentsOf: log, encoding: .utf8))?.contains("cwsync run: serving") == true || !daemon.isRunning
        }
        daemon.send(SIGTERM)
        let killer = Task {
            try await Task.sleep(for: .seconds(120))
            daemon.send(SIGKILL)
        }
        defer { killer.cancel() }
        let exit = await daemon.exited()
        #expect(exit == .status(0), "SIGTERM: \(exit)\n\((try? newestDaemonLog(lines: 20)) ?? "")")
    }

    /// With the daemon stopped: a last `cwsync sync`, then the checks, whose counts go to `report`.
    func verifyConverged(_ ledger: WriteLedger, report: inout CampaignReport) async throws {
        // The last fault may have revoked the token after the last write went.
        if try await status().authRequired { try await login() }
        let sync = try await cwsync(["sync"] + online)
        #expect(sync.status == 0, "the last sync: \(sync.out)\(sync.err)")
        let check = try await cwsync(["store", "check", "--store", store])
        #expect(check.status == 0 && check.out.hasPrefix("ok"), "integrity_check: \(check.out)\(check.err)")

        let server = await state.snapshot()
        let abc = try #require(server.user(2))
        let placed = server.orders(owner: "2").filter { $0.price.isSameAmount(as: Self.orderPrice) }
        // Each order once; a cancelled one at most once (a cancel of a create not yet sent drops
        // both) and never left active.
        let notOnce = ledger.orderQuantities.compactMap { quantity -> String? in
            let copies = placed.filter { $0.quantity.isSameAmount(as: ExactDecimal(quantity) ?? "0") }
            let cancelled = ledger.cancelledQuantities.contains(quantity)
            let fine = cancelled ? copies.count <= 1 && copies.allSatisfy { !$0.executionType.isActive } : copies.count == 1 && copies[0].executionType.isActive
            return fine ? nil : "\(quantity)\(cancelled ? " (cancelled)" : "") x\(copies.count) \(copies.map(\.executionType.rawValue))"
        }
        let neverSent = ledger.cancelledQuantities.count { quantity in !placed.contains { $0.quantity.isSameAmount(as: ExactDecimal(quantity) ?? "0") } }
        #expect(notOnce.isEmpty && placed.count == ledger.orderQuantities.count - neverSent, "each order once: \(notOnce), \(placed.count) placed")
        let strategiesNotOnce = ledger.strategyNames.filter { name in abc.strategies.count { $0.name == name } != 1 }
        #expect(strategiesNotOnce.isEmpty, "each strategy once: \(strategiesNotOnce)")
        #expect(Set(abc.favorites) == ledger.favorites, "favorites as the last writes left them")
        let layout = Dictionary(
            uniqueKeysWithValues: abc.professionalLayout.map { ($0.position, MarketPair(counterParty: $0.counterParty, symbol: $0.symbol)) })
        #expect(layout == ledger.professionalLayout, "the professional layout as the last writes left it")

        let mirror = try CoinWeightStore(path: store)
        defer { try? mirror.close() }
        let entries = try await mirror.read(.outbox())
        let unsettled = entries.filter { $0.state != .delivered }
        #expect(entries.count == ledger.total && unsettled.isEmpty, "\(entries.count) entries for \(ledger.total) writes; not delivered: \(unsettled)")
        let serverOrders = server.orders(owner: "2").sorted { ($0.createTime, $0.streetOrderId) > ($1.createTime, $1.streetOrderId) }
        let storedOrders = try await mirror.read(.allOrders(OrderFilter(owner: "2")))
        let differing = Set(storedOrders).symmetricDifference(serverOrders).map(\.streetOrderId).sorted()
        #expect(
            storedOrders == serverOrders,
            "the mirror's orders are the server's: \(storedOrders.count) stored, \(serverOrders.count) on the server, differing: \(differing.prefix(10))")
        #expect(try await mirror.read(.favorites(uid: 2)).map(\.pair) == abc.favorites)
        #expect(try await mirror.read(.layout(.professional, scope: .user(2))) == abc.professionalLayout)
        #expect(try await mirror.read(.strategyItems(uid: 2)) == abc.strategies)

        let (holding, bytes) = try await logsHoldingTokens()
        #expect(holding.isEmpty, "a token in \(holding)")
        for (command, count) in ledger.queued.sorted(by: { $0.key < $1.key }) { report.add("writes queued: `\(command)`", count) }
        report.add(
            "orders cancelled before their create was sent (no request) / after (cancelled on the server)",
            "\(neverSent) / \(ledger.cancelledQuantities.count - neverSent)")
        report.add(
            "writes checked on the server (orders and strategies exactly once, cancelled orders at most once and not active; favorites and layout as left)",
            ledger.total)
        report.add("outbox entries delivered / not delivered", "\(entries.count - unsettled.count) / \(unsettled.count)")
        report.add("orders of abc on the server = in the mirror", "\(serverOrders.count) = \(storedOrders.count)")
        report.add("`cwsync store check` (PRAGMA integrity_check)", check.out.hasPrefix("ok") ? "ok" : "FAILED")
        report.add("tokens issued / log bytes searched / logs holding a token", "\(await tokens.all.count) / \(bytes.formatted()) / \(holding.count)")
    }
}
