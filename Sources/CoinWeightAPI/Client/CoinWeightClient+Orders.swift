import Foundation

/// The Order API.
extension CoinWeightClient {
    /// `POST /order/create`: places an order.
    ///
    /// The API has no client order id: when this throws an error whose
    /// ``CoinWeightError/mayHaveReachedServer`` is true, the order may exist. Look for it in
    /// ``activeOrders(owner:)`` and ``inactiveOrders(_:)`` before sending it again.
    public func createOrder(_ order: NewOrder) async throws(CoinWeightError) -> Order {
        try await send(encoding { try .post("/order/create", body: order) })
    }

    /// `POST /order/update`: changes price and quantity of an unfilled order. A refusal
    /// (``BusinessFailure/orderNotUpdatable``) carries the order as it stands.
    public func updateOrder(_ amendment: OrderAmendment) async throws(CoinWeightError) -> Order {
        try await send(encoding { try .post("/order/update", body: amendment, errors: .orderUpdate) })
    }

    /// `POST /order/cancel`. A refusal (``BusinessFailure/orderNotCancelable``) carries the order as it stands.
    public func cancelOrder(_ reference: OrderReference) async throws(CoinWeightError) -> Order {
        try await send(encoding { try .post("/order/cancel", body: reference, errors: .orderCancel) })
    }

    /// `POST /order/cancel-all`: cancels an owner's orders on the selected exchanges (all when empty).
    public func cancelAllOrders(_ request: CancelAllRequest) async throws(CoinWeightError) -> CancelAllResult {
        try await send(encoding { try .post("/order/cancel-all", body: request, shape: .bare) })
    }

    /// `GET /order/active`: an owner's active orders, newest first.
    public func activeOrders(owner: String) async throws(CoinWeightError) -> [Order] {
        try await send(.get("/order/active", query: [("owner", owner)]))
    }

    /// `GET /order/inactive`: one page of an owner's finished orders, newest first.
    public func inactiveOrders(_ query: InactiveOrderQuery) async throws(CoinWeightError) -> InactiveOrderPage {
        try await send(
            .get("/order/inactive", query: query.queryItems) { data, decoder in
                // The plain form, read from the bytes; anything else through Codable, which says what is wrong.
                if let page = OrderPageScanner.page(from: data) { return .init(head: EnvelopeHead(success: true), payload: page) }
                let envelope = try decoder.decode(Envelope<InactiveOrderPage>.self, from: data)
                return .init(head: envelope.head, payload: envelope.data)
            })
    }
}
