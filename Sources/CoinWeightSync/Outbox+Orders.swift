import CoinWeightAPI
import CoinWeightStore
import Foundation

/// Orders and strategies: the resolution of creates whose outcome is unknown.
extension Outbox {
    /// Settles the due creates of `uid` whose outcome is unknown by looking for their orders
    /// on the server, with one read of the active orders and one of the history per owner:
    /// an order found is adopted (the oldest that matches, never one another create placed);
    /// not found while the resolution window lasts, it is looked for again later (the
    /// server's reads may lag); not found after it, the create is sent again unless its
    /// deadline (orders have one) has passed, and then it expires. A lookup that fails changes nothing but the time of the
    /// next one.
    func resolveUnknownCreates(uid: UserID, report: inout DeliveryReport) async throws {
        let now = configuration.now()
        let due = try await store.read(.outbox(uid: uid, states: [.sending])).filter { $0.resolveUntil != nil && $0.nextAttemptAt <= now }
        try await resolveStrategyCreates(due, uid: uid, now: now, report: &report)
        let creates = due.compactMap { entry -> (OutboxEntry, NewOrder)? in
            guard case .createOrder(let order, _) = entry.write else { return nil }
            return (entry, order)
        }
        for (owner, group) in Dictionary(grouping: creates, by: \.1.owner).sorted(by: { $0.key < $1.key }) {
            let since = group.map { sentSince($0.0) }.min() ?? now
            do {
                let candidates = try await placedOrders(owner: owner, since: since, now: now)
                reached(true)
                let lookups = group.sorted { $0.0.id < $1.0.id }.map { entry, order in
                    let entrySince = sentSince(entry).millisecondsSince1970
                    return (entry, { (placed: Order) in placed.matches(order) && placed.createTime >= entrySince })
                }
                try await adopt(lookups, among: candidates, now: now, report: &report) { try $0.markDelivered($1, placing: $2, at: now) }
            } catch let error as CoinWeightError {
                try await lookupFailed(group.map(\.0), error: error, now: now, report: &report)
                if report.authRequired { return }
            }
        }
    }

    /// The same for strategy item creates: one read of the user's items, and an item with the
    /// same content that is neither one of the create's twins nor made by another create is
    /// adopted.
    private func resolveStrategyCreates(_ due: [OutboxEntry], uid: UserID, now: Date, report: inout DeliveryReport) async throws {
        let creates = due.compactMap { entry -> (OutboxEntry, StrategyItem, [String])? in
            guard case .createStrategy(let item, _, let twins) = entry.write else { return nil }
            return (entry, item, twins)
        }
        guard !creates.isEmpty else { return }
        do {
            let taken = try await store.read(.createdServerIDs)
            let candidates = try await client.strategyItems(uid: uid).filter { $0.id.map { !taken.contains($0) } ?? false }
            reached(true)
            let lookups = creates.map { entry, item, twins in
                (entry, { (found: StrategyItem) in found.withID(nil) == item && !twins.contains(found.id ?? "") })
            }
            try await adopt(lookups, among: candidates, now: now, report: &report) { try $0.markDelivered($1, creating: $2, at: now) }
        } catch let error as CoinWeightError {
            try await lookupFailed(creates.map(\.0), error: error, now: now, report: &report)
        }
    }

    /// Settles each create, in order, with the first candidate it accepts (each candidate
    /// adopted once, recorded by `record`), or as not found.
    private func adopt<Candidate: Sendable>(
        _ lookups: [(entry: OutboxEntry, accepts: (Candidate) -> Bool)], among candidates: [Candidate], now: Date,
        report: inout DeliveryReport, record: @escaping @Sendable (StoreTransaction, OutboxEntry, Candidate) throws -> Void
    ) async throws {
        var candidates = candidates
        for (entry, accepts) in lookups {
            guard let index = candidates.firstIndex(where: accepts) else {
                try await notFound(entry, now: now, report: &report)
                continue
            }
            let found = candidates.remove(at: index)
            try await store.write { try record($0, entry, found) }
            report.delivered.append(entry.id)
        }
    }

    /// A lookup failed: a 403 stops delivery; otherwise the creates are looked up again
    /// after a backoff, their resolution window unchanged.
    private func lookupFailed(_ entries: [OutboxEntry], error: CoinWeightError, now: Date, report: inout DeliveryReport) async throws {
        if case .authenticationFailed = error {
            report.authRequired = true
            return
        }
        for entry in entries {
            let delay = configuration.backoff.delay(afterFailures: entry.attempts, retryAfter: error.retryAfter)
            try await store.write {
                try $0.markOutcomeUnknown(
                    entry.id, lookUpAt: now.addingTimeInterval(delay.timeInterval), until: entry.resolveUntil ?? now,
                    reason: "looking for what it created: \(error.description)")
            }
            report.unresolved.append(entry.id)
        }
    }

    /// The earliest `createTime` its order can have: its first attempt, less the clock skew allowed.
    private func sentSince(_ entry: OutboxEntry) -> Date {
        (entry.firstSentAt ?? entry.createdAt).addingTimeInterval(-configuration.clockSkewAllowance.timeInterval)
    }

    private func notFound(_ entry: OutboxEntry, now: Date, report: inout DeliveryReport) async throws {
        let until = entry.resolveUntil ?? now
        if now < until {
            let next = now.addingTimeInterval(configuration.createLookupInterval.timeInterval)
            try await store.write { try $0.markOutcomeUnknown(entry.id, lookUpAt: next, until: until, reason: "not found on the server yet: looking again") }
            report.unresolved.append(entry.id)
        } else if entry.deadline.map({ now <= $0 }) ?? true {
            try await store.write { try $0.markForRetry(entry.id, at: now, reason: "not created: sending again (before its deadline, if it has one)") }
            report.retrying.append(entry.id)
        } else {
            let reason = "not placed: not found on the server by \(until), and its deadline had passed"
            try await store.write { try $0.markExpired(entry.id, attempted: true, reason: reason, at: now) }
            report.expired.append(entry.id)
        }
    }

    /// `owner`'s orders on the server, active or not, created since `since` and not placed
    /// by a delivered create, oldest first.
    private func placedOrders(owner: String, since: Date, now: Date) async throws -> [Order] {
        let taken = try await store.read(.createdServerIDs)
        let sinceMilliseconds = since.millisecondsSince1970
        var found = try await client.activeOrders(owner: owner)
        var pageIndex = 0
        let top = now.addingTimeInterval(configuration.clockSkewAllowance.timeInterval).millisecondsSince1970
        while true {
            let query = InactiveOrderQuery(owner: owner, startTime: sinceMilliseconds, endTime: top, pageIndex: pageIndex, pageSize: configuration.pageSize)
            let page = try await client.inactiveOrders(query)
            found += page.content
            pageIndex += 1
            if page.content.isEmpty || pageIndex >= page.totalPage { break }
        }
        return found.filter { $0.createTime >= sinceMilliseconds && !taken.contains($0.streetOrderId) }
            .sorted { ($0.createTime, $0.streetOrderId) < ($1.createTime, $1.streetOrderId) }
    }
}
