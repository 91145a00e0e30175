import CoinWeightAPI
import CoinWeightStore
import Foundation

/// Orders: the active set, and the history walked in `createTime` windows.
extension SyncEngine {
    /// Upserts the owner's active orders. An order the store holds as active that the server
    /// no longer lists has turned inactive, possibly days after it was created: it is looked
    /// up in `/order/inactive` over its own `createTime`, and kept as it was until found,
    /// marked unlisted (``Mirrored/unlistedSince``) while it is not.
    ///
    /// Queued order writes of `uid` are applied again on top, and the rows of creates still
    /// queued (local ids) are not looked for: the server does not have them yet.
    func syncActiveOrders(uid: UserID, owner: String, key: String) async throws {
        try await attempt(key) {
            let active = try await retrying { try await self.client.activeOrders(owner: owner) }
            let listed = Set(active.map(\.streetOrderId))
            var found: [Order] = []
            var missing: [String] = []
            for order in try await store.read(.allOrders(OrderFilter(owner: owner, executionTypes: ExecutionType.activeStates)))
            where !listed.contains(order.streetOrderId) && !OutboxWrite.isLocalID(order.streetOrderId) {
                if let finished = try await lookUpInactive(order) {
                    found.append(finished)
                } else {
                    missing.append(order.streetOrderId)
                }
            }
            let state = succeeded(key, cursor: missing.isEmpty ? nil : "\(missing.count) orders left the active set and are not in the history yet")
            let now = configuration.now()
            try await store.write { [found, missing] transaction in
                try transaction.upsertOrders(active)
                try transaction.upsertOrders(found)
                try transaction.markUnlisted(ids: missing, at: now)
                try transaction.reapplyPendingWrites(uid: uid)
                try transaction.saveSyncState(state)
            }
        }
    }

    /// The order as `/order/inactive` has it, searched in the window of its own `createTime`.
    private func lookUpInactive(_ order: Order) async throws -> Order? {
        var pageIndex = 0
        while true {
            let query = InactiveOrderQuery(
                owner: order.owner, startTime: order.createTime, endTime: order.createTime, pageIndex: pageIndex, pageSize: configuration.pageSize)
            let page = try await retrying { try await self.client.inactiveOrders(query) }
            if let match = page.content.first(where: { $0.streetOrderId == order.streetOrderId }) { return match }
            pageIndex += 1
            if page.content.isEmpty || pageIndex >= page.totalPage { return nil }
        }
    }

    /// Reads the owner's history from where its cursor stands: the first time back to the
    /// horizon, later from the high-water mark minus the overlap. Up to
    /// ``SyncConfiguration/historyConcurrency`` windows are read side by side, each page by
    /// page. Pages are committed several at a time with the cursor, which says what exactly
    /// those pages cover, so a crash resumes without a gap; each commit runs while the next
    /// pages are fetched, one commit at a time and in order. What was read when a request
    /// fails is committed before the error is passed on.
    func syncHistory(owner: String, key: String) async throws {
        try await attempt(key) {
            var cursor = HistoryCursor(text: try await store.read(.syncState(key))?.cursor)
            let now = configuration.now().millisecondsSince1970
            if cursor.walk == nil {
                let bottom = cursor.highWater.map { $0 - configuration.historyOverlap.milliseconds } ?? now - configuration.historyHorizon.milliseconds
                cursor.walk = HistoryCursor.Walk(top: now, bottom: bottom, windowTop: now)
            }
            var walker = HistoryWalker(owner: owner, cursor: cursor, configuration: configuration)
            var batch: [Order] = []
            var pages = 0
            var writing: Task<Void, any Error>?
            do {
                try await withThrowingTaskGroup(of: (Int64, InactiveOrderPage).self) { group in
                    func launch() {
                        for (window, query) in walker.nextQueries() {
                            group.addTask { (window, try await self.retrying { try await self.client.inactiveOrders(query) }) }
                        }
                    }
                    launch()
                    while let (window, page) = try await group.next() {
                        walker.record(page, window: window)
                        batch += page.content
                        pages += 1
                        publish(walker.progress)
                        if pages % configuration.pagesPerTransaction == 0 || walker.isDone {
                            try await writing?.value
                            let (orders, after, done) = (batch, walker.cursor, walker.isDone)
                            writing = Task { try await self.commit(orders, cursor: after, key: key, walkDone: done) }
                            batch.removeAll(keepingCapacity: true)
                        }
                        launch()
                    }
                }
                try await writing?.value
            } catch {
                // Commit what was read only on top of every earlier batch: a batch whose
                // commit failed must be read again, so nothing after it may be saved.
                var earlierCommitted = true
                if let writing {
                    do { try await writing.value } catch { earlierCommitted = false }
                }
                if earlierCommitted && !batch.isEmpty {
                    let (orders, after) = (batch, walker.cursor)
                    try? await evenIfCancelled { try await self.commit(orders, cursor: after, key: key, walkDone: false) }
                }
                throw error
            }
        }
    }

    /// Upserts a batch of history pages and saves the cursor after them, in one transaction.
    /// Only the batch that ends the walk makes a success: one in the middle keeps the last.
    private func commit(_ orders: [Order], cursor: HistoryCursor, key: String, walkDone: Bool) async throws {
        var state = succeeded(key, cursor: cursor.text)
        if !walkDone { state.lastSuccessAt = try await store.read(.syncState(key))?.lastSuccessAt }
        try await store.write { [state] transaction in
            try transaction.upsertOrders(orders)
            try transaction.saveSyncState(state)
        }
    }
}
