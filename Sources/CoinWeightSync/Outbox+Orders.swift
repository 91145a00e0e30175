import CoinWeightAPI
import CoinWeightStore
import Foundation

/// Orders: checks before queueing, and the resolution of creates whose outcome is unknown.
extension Outbox {
    /// Refuses an order that breaks a rule of the symbols config in the store.
    func check(_ order: NewOrder) async throws {
        if let violation = try await rules().violation(of: order) { throw OutboxError.invalidOrder(violation) }
    }

    /// Refuses an update of an unknown order, or one whose new price or quantity breaks a rule.
    func check(_ amendment: OrderAmendment) async throws {
        guard let order = try await store.read(.order(id: amendment.streetOrderId)) else { throw OutboxError.unknownOrder(amendment.streetOrderId) }
        if let violation = try await rules().violation(counterParty: order.counterParty, symbol: order.symbol, price: amendment.price, quantity: amendment.quantity) {
            throw OutboxError.invalidOrder(violation)
        }
    }

    private func rules() async throws -> OrderRules {
        let symbols = try await store.read(.symbols)
        guard !symbols.isEmpty else { throw OutboxError.symbolsNotSynced }
        return OrderRules(symbols: symbols)
    }

    /// Settles a create whose outcome is unknown by looking for its order on the server:
    /// found, it is adopted; not found while the resolution window lasts, it is looked for
    /// again later (the server's reads may lag); not found after it, it is sent again if its
    /// deadline allows, and expires otherwise. A lookup that fails changes nothing but the
    /// time of the next one.
    func resolve(_ entry: OutboxEntry, report: inout DeliveryReport) async throws {
        guard case .createOrder(let order, _) = entry.write else { return }
        let now = configuration.now()
        let next = now.addingTimeInterval(configuration.createLookupInterval.timeInterval)
        let until = entry.resolveUntil ?? now
        do {
            let since = (entry.firstSentAt ?? entry.createdAt).addingTimeInterval(-configuration.clockSkewAllowance.timeInterval)
            let found = try await placedOrder(matching: order, since: since, now: now)
            reached(true)
            if let found {
                try await store.write { try $0.markDelivered(entry.id, placing: found) }
                report.delivered.append(entry.id)
            } else if now < until {
                try await store.write { try $0.markOutcomeUnknown(entry.id, lookUpAt: next, until: until, reason: "not found on the server yet: looking again") }
                report.unresolved.append(entry.id)
            } else if let deadline = entry.deadline, now <= deadline {
                try await store.write { try $0.markForRetry(entry.id, at: now, reason: "not placed: sending again before its deadline") }
                report.retrying.append(entry.id)
            } else {
                let reason = "not placed: not found on the server by \(until), and its deadline had passed"
                try await store.write { try $0.markExpired(entry.id, reason: reason) }
                report.expired.append(entry.id)
            }
        } catch let error as CoinWeightError {
            if case .authenticationFailed = error {
                report.authRequired = true
                return
            }
            let delay = configuration.backoff.delay(afterFailures: entry.attempts, retryAfter: error.retryAfter)
            try await store.write { try $0.markOutcomeUnknown(entry.id, lookUpAt: now.addingTimeInterval(delay.timeInterval), until: until, reason: "looking for its order: \(error.description)") }
            report.unresolved.append(entry.id)
        }
    }

    /// The oldest order on the server, active or not, that `order` asked for, created since
    /// `since`, and not placed by another create already.
    private func placedOrder(matching order: NewOrder, since: Date, now: Date) async throws -> Order? {
        let taken = try await store.read(.placedOrderIDs)
        let sinceMilliseconds = since.millisecondsSince1970
        func candidate(_ placed: Order) -> Bool {
            placed.matches(order) && placed.createTime >= sinceMilliseconds && !taken.contains(placed.streetOrderId)
        }
        var found = try await client.activeOrders(owner: order.owner).filter(candidate)
        var pageIndex = 0
        let top = now.addingTimeInterval(configuration.clockSkewAllowance.timeInterval).millisecondsSince1970
        while true {
            let query = InactiveOrderQuery(owner: order.owner, startTime: sinceMilliseconds, endTime: top, pageIndex: pageIndex, pageSize: configuration.pageSize)
            let page = try await client.inactiveOrders(query)
            found += page.content.filter(candidate)
            pageIndex += 1
            if page.content.isEmpty || pageIndex >= page.totalPage { break }
        }
        return found.min { ($0.createTime, $0.streetOrderId) < ($1.createTime, $1.streetOrderId) }
    }
}
