import CoinWeightAPI
import CoinWeightTestSupport
import Foundation
import Testing

/// The Order API's example bodies from the spec, decoded through the client.
@Suite("Spec examples: Order API")
struct OrderExampleTests {
    @Test("the Order model keeps its decimal text exactly")
    func orderModel() throws {
        let order = try JSONDecoder().decode(Order.self, from: SpecExample.data("order"))
        #expect(order.streetOrderId == "1234567")
        #expect(order.orderType == .limit && order.side == .bid && order.executionType == .acknowledged)
        #expect(order.price.text == "0.00123" && order.quantity.text == "10.000")
        #expect(order.filledPrice.text == "0.00" && order.filledQuantity.text == "0.00")
        #expect(order.price.value == Decimal(string: "0.00123"))
        #expect(order.createTime == 1_530_861_306_000)
        let reencoded = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(order))
        #expect(reencoded == (try SpecExample.json("order")), "encoding gives back the spec's object")
    }

    @Test("/order/create: the spec's request body and response")
    func create() async throws {
        let (client, transport) = try apiClient(answering: "order-create.response")
        let order = try await client.createOrder(
            NewOrder(
                orderType: .limit, symbol: "BTC-USDT", side: .bid, owner: "2", counterParty: "binance",
                price: "0.00123", quantity: "10.000"
            ))
        #expect(try SpecExample.json(of: transport.requests.first) == SpecExample.json("order-create.request"))
        #expect(transport.requests.first?.headers["Content-Type"] == "application/json")
        #expect(order.streetOrderId == "1234567" && order.executionType == .acknowledged)
        #expect(order.quantity.text == "10.000")
    }

    @Test("/order/update: success, and refusal 1000 carrying the order as it stands")
    func update() async throws {
        let amendment = OrderAmendment(streetOrderId: "1234567", price: "0.00145", quantity: "10.000", owner: "2", counterParty: "binance")
        let (client, transport) = try apiClient(answering: "order-update.response")
        let updated = try await client.updateOrder(amendment)
        #expect(updated.price.text == "0.00145")
        #expect(try SpecExample.json(of: transport.requests.first) == SpecExample.json("order-update.request"))

        let (refusing, _) = try apiClient(answering: "order-update.refused")
        let failure = try await error { try await refusing.updateOrder(amendment) }
        guard case .rejected(let refusal) = failure else {
            Issue.record("expected a rejection, got \(String(describing: failure))")
            return
        }
        #expect(refusal.code == 1000 && refusal.reason == .orderNotUpdatable)
        #expect(refusal.message == "cannot update the order")
        #expect(refusal.order?.executionType == .partiallyFilled)
        #expect(refusal.order?.price.text == "0.00123", "the order as it stands, not as asked")
        #expect(failure?.isTransient == false && failure?.mayHaveReachedServer == false)
    }

    @Test("/order/cancel: the spec's body and the canceled order")
    func cancel() async throws {
        let (client, transport) = try apiClient(answering: "order-cancel.response")
        let canceled = try await client.cancelOrder(OrderReference(streetOrderId: "1234567", owner: "2", counterParty: "binance"))
        #expect(canceled.executionType == .canceled && !canceled.executionType.isActive)
        #expect(try SpecExample.json(of: transport.requests.first) == SpecExample.json("order-cancel.request"))
    }

    @Test("/order/cancel-all: a bare answer, no envelope")
    func cancelAll() async throws {
        let (client, transport) = try apiClient(answering: "order-cancel-all.response")
        let result = try await client.cancelAllOrders(CancelAllRequest(owner: "123", selectedCounterParty: ["huobi", "binance"]))
        #expect(result == CancelAllResult(owner: "123", canceledCounterParty: ["huobi", "binance"]))
        #expect(try SpecExample.json(of: transport.requests.first) == SpecExample.json("order-cancel-all.request"))
    }

    @Test("/order/active: newest first, active states")
    func active() async throws {
        let (client, transport) = try apiClient(answering: "order-active.response")
        let orders = try await client.activeOrders(owner: "1234")
        #expect(orders.map(\.streetOrderId) == ["1234567", "1345678"])
        #expect(orders.map(\.executionType) == [.acknowledged, .partiallyFilled])
        #expect(orders.allSatisfy { $0.executionType.isActive })
        #expect(orders[1].side == .ask && orders[1].counterParty == "huobi")
        #expect(transport.requests.first?.url.query == "owner=1234")
    }

    @Test("/order/inactive: a page with totalPage, and the query parameters")
    func inactive() async throws {
        let (client, transport) = try apiClient(answering: "order-inactive.response")
        let page = try await client.inactiveOrders(
            InactiveOrderQuery(
                owner: "1234", startTime: 1_530_861_306_000, endTime: 1_530_947_706_000, pageIndex: 0, pageSize: 10
            ))
        #expect(page.totalPage == 10)
        #expect(page.content.map(\.executionType) == [.canceled, .filled])
        #expect(page.content.allSatisfy { !$0.executionType.isActive })
        let query = try #require(transport.requests.first?.url.query)
        #expect(query == "owner=1234&startTime=1530861306000&endTime=1530947706000&pageIndex=0&pageSize=10")
    }
}
