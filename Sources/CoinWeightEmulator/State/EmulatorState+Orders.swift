import CoinWeightAPI
import CoinWeightServing
import Foundation

/// The Order API: LIMIT orders rest, MARKET orders fill at once.
extension EmulatorState {
    private var rules: OrderRules { OrderRules(symbols: SeedCatalog.symbols) }

    func createOrder(_ request: NewOrder, _ user: EmulatedUser) throws(APIFailure) -> Order {
        try requireOwner(request.owner, user)
        if let violation = rules.violation(of: request) { throw .parameters(violation.description) }
        let now = nowMilliseconds
        let fills = request.orderType == .market
        let order = Order(
            streetOrderId: book.makeID(), orderType: request.orderType, symbol: request.symbol, side: request.side,
            owner: request.owner, counterParty: request.counterParty, price: request.price, quantity: request.quantity,
            filledPrice: fills ? request.price : "0.00", filledQuantity: fills ? request.quantity : "0.00",
            executionType: fills ? .filled : .acknowledged, createTime: now, processedTime: now)
        let lag = faults.readLagMilliseconds
        book.insert(order, visibleFrom: lag > 0 ? now + lag : nil)
        return order
    }

    /// Changes price and quantity of an unfilled (`EXECUTION_ACK`) order; otherwise error 1000 with the order.
    func updateOrder(_ amendment: OrderAmendment, _ user: EmulatedUser) throws(APIFailure) -> Order {
        var order = try ownOrder(amendment.streetOrderId, owner: amendment.owner, counterParty: amendment.counterParty, user)
        guard order.executionType == .acknowledged else {
            throw .business(code: 1000, message: "cannot update the order", order: order)
        }
        if let violation = rules.violation(counterParty: order.counterParty, symbol: order.symbol, price: amendment.price, quantity: amendment.quantity) {
            throw .parameters(violation.description)
        }
        order.price = amendment.price
        order.quantity = amendment.quantity
        order.processedTime = nowMilliseconds
        book.update(order)
        return order
    }

    /// Cancels an active order; an inactive one is error 1001 with the order as it stands.
    func cancelOrder(_ reference: OrderReference, _ user: EmulatedUser) throws(APIFailure) -> Order {
        let order = try ownOrder(reference.streetOrderId, owner: reference.owner, counterParty: reference.counterParty, user)
        guard order.executionType.isActive else {
            throw .business(code: 1001, message: "cannot cancel an inactive order", order: order)
        }
        return cancel(order)
    }

    func cancelAll(_ request: CancelAllRequest, _ user: EmulatedUser) throws(APIFailure) -> CancelAllResult {
        try requireOwner(request.owner, user)
        let selected = request.selectedCounterParty.isEmpty ? SeedCatalog.counterParties : request.selectedCounterParty
        cancelActiveOrders(owner: request.owner, counterParties: Set(selected))
        return CancelAllResult(owner: request.owner, canceledCounterParty: selected)
    }

    /// Active orders of an owner, newest first, hiding those still within the read lag.
    func activeOrders(owner: String, _ user: EmulatedUser) throws(APIFailure) -> [Order] {
        try requireOwner(owner, user)
        let now = nowMilliseconds
        return book.newestFirst(owner: owner).filter { $0.executionType.isActive && book.isVisible($0.streetOrderId, at: now) }
    }

    /// One page of an owner's inactive orders created in `[startTime, endTime]`, newest first.
    func inactiveOrders(_ query: InactiveOrderQuery, _ user: EmulatedUser) throws(APIFailure) -> InactiveOrderPage {
        try requireOwner(query.owner, user)
        let now = nowMilliseconds
        let start = query.startTime ?? now - 24 * 3600 * 1000
        let end = query.endTime ?? now
        let pageIndex = query.pageIndex ?? 0
        let requested = query.pageSize ?? 10
        guard pageIndex >= 0, requested > 0 else { throw .parameters("pageIndex must be 0 or more and pageSize 1 or more") }
        guard start <= end else { return InactiveOrderPage(totalPage: 0, content: []) }
        let pageSize = min(requested, configuration.pageSizeCap)
        // Lazily: counting the window and copying one page, not the whole window, per request.
        let book = book
        let matching = book.newestFirst(owner: query.owner, createdIn: start...end).lazy
            .filter { ExecutionType.inactiveStates.contains($0.executionType) && book.isVisible($0.streetOrderId, at: now) }
        let totalPage = (matching.reduce(0) { count, _ in count + 1 } + pageSize - 1) / pageSize
        // A page index past the last page, however large, is an empty page, never an overflow.
        let (skipped, overflow) = pageIndex.multipliedReportingOverflow(by: pageSize)
        guard !overflow, pageIndex < totalPage else { return InactiveOrderPage(totalPage: totalPage, content: []) }
        return InactiveOrderPage(totalPage: totalPage, content: Array(matching.dropFirst(skipped).prefix(pageSize)))
    }

    /// Cancels every active order of an owner, on the given exchanges or all.
    func cancelActiveOrders(owner: String, counterParties: Set<String>?) {
        for order in Array(book.newestFirst(owner: owner)) where order.executionType.isActive {
            if counterParties?.contains(order.counterParty) ?? true { _ = cancel(order) }
        }
    }

    /// Marks an active order canceled (partially, when something filled).
    @discardableResult
    func cancel(_ order: Order) -> Order {
        var canceled = order
        canceled.executionType = order.filledQuantity.value > 0 ? .partiallyCanceled : .canceled
        canceled.processedTime = nowMilliseconds
        book.update(canceled)
        return canceled
    }

    /// The order with that id if it is the owner's and the owner the user's: 403 otherwise.
    private func ownOrder(_ id: String, owner: String, counterParty: String, _ user: EmulatedUser) throws(APIFailure) -> Order {
        try requireOwner(owner, user)
        guard let order = book[id] else { throw .parameters("no order \(id)") }
        guard order.owner == owner else { throw .forbidden }
        guard order.counterParty == counterParty else { throw .parameters("order \(id) is not on \(counterParty)") }
        return order
    }
}
