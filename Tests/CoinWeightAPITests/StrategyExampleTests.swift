import CoinWeightAPI
import CoinWeightTestSupport
import Foundation
import Testing

/// The strategy examples from the spec: both symbol shapes, keyed answers, the
/// `{success, seq_no, error_code}` envelope, and requests rebuilt from decoded items.
@Suite("Spec examples: strategies")
struct StrategyExampleTests {
    @Test("/config/strategy/default/items: templates under the key \"default\"")
    func templates() async throws {
        let (client, _) = try apiClient(answering: "strategy-defaults.response")
        let templates = try await client.strategyTemplates()
        #expect(templates.map(\.name) == ["VolumeMarketMaker", "SingleMarketMaker"])
        let volume = templates[0].defaultItem
        #expect(volume.owner == "strategy-10" && volume.id == nil)
        #expect(volume.symbols[0]["margin1"] == .number(Decimal(string: "0.2")!))
        #expect(volume.symbols[0].symbol == "ETH-BTC")
        #expect(templates[1].defaultItem.symbols[0]["side"] == "Both")
        #expect(templates[1].defaultItem.symbols[0]["priceStep"] == .number(Decimal(string: "0.0001")!))
    }

    @Test("/config/strategy/custom/{uid}/items: the older currency/margin shape, no owner")
    func items() async throws {
        let (client, _) = try apiClient(answering: "strategy-items.response")
        let items = try await client.strategyItems(uid: 2)
        let item = try #require(items.first)
        #expect(item.id == "1" && item.owner == nil && item.strategyType == "SingleMarketMaker")
        #expect(item.symbols.map(\.symbol) == ["OCT-ETH", "OCT-BTC"], "symbol falls back to name")
        #expect(item.symbols[1]["currency"] == "BTC")
        #expect(item.symbols[1]["margin"] == .number(Decimal(string: "0.01")!))
    }

    @Test("a strategy item survives decode and encode with every field, unknown ones included")
    func itemRoundTrip() throws {
        let original = try SpecExample.payload("strategy-item-update.response")
        var object = try #require({ if case .object(let fields) = original { fields } else { nil } }())
        object["riskLimit"] = .object(["maxLoss": .number(Decimal(string: "12.5")!), "enabled": true])
        object["symbols"] = .array([.object(["name": "X-Y", "futureField": .array([1, "two", .null])])])
        let data = try JSONEncoder().encode(JSONValue.object(object))
        let item = try JSONDecoder().decode(StrategyItem.self, from: data)
        #expect(item.extraFields["riskLimit"] != nil)
        let back = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(item))
        #expect(back == .object(object))
    }

    @Test("item create: the body has no id, the answer is keyed by the new id")
    func create() async throws {
        let item = try JSONDecoder().decode(StrategyItem.self, from: SpecExample.data("strategy-item-update.request"))
        let (client, transport) = try apiClient(answering: "strategy-item-create.response")
        let created = try await client.createStrategyItem(uid: 2, item)
        #expect(created.id == "1" && created.name == "octmm" && created.owner == "strategy-10")
        #expect(try SpecExample.json(of: transport.requests.first) == SpecExample.json("strategy-item-create.request"))
    }

    @Test("item update answers the item itself; delete answers it keyed by id")
    func updateAndDelete() async throws {
        let item = try JSONDecoder().decode(StrategyItem.self, from: SpecExample.data("strategy-item-update.request"))
        let (updating, updateTransport) = try apiClient(answering: "strategy-item-update.response")
        #expect(try await updating.updateStrategyItem(uid: 2, item) == item)
        #expect(try SpecExample.json(of: updateTransport.requests.first) == SpecExample.json("strategy-item-update.request"))

        let (deleting, deleteTransport) = try apiClient(answering: "strategy-item-delete.response")
        let deleted = try await deleting.deleteStrategyItem(uid: 2, id: "1")
        #expect(deleted == item)
        #expect(try SpecExample.json(of: deleteTransport.requests.first) == SpecExample.json("strategy-item-delete.request"))
    }

    @Test("a keyed answer with no entry, or two, is a malformed response, not a guess")
    func keyedAnswerWithoutOneEntry() async throws {
        let item = StrategyItem(name: "a", exchange: "binance", strategyType: "VolumeMarketMaker", symbols: [])
        for data in [#"{}"#, #"{"1": \#(itemJSON), "2": \#(itemJSON)}"#] {
            let transport = CannedTransport(body: Data(#"{"success":true,"errorCode":0,"errorMsg":"ok","data":\#(data)}"#.utf8))
            let failure = try await error { try await apiClient(transport).createStrategyItem(uid: 2, item) }
            guard case .malformedResponse(let endpoint, _, let reason, _) = failure else {
                Issue.record("expected malformedResponse, got \(String(describing: failure))")
                continue
            }
            #expect(endpoint == "POST /config/strategy/custom/2/item/create")
            #expect(reason.contains("keyed by its id"))
        }
    }

    private let itemJSON = #"{"name":"a","exchange":"binance","strategyType":"VolumeMarketMaker","symbols":[]}"#

    @Test("start, stop and leave send the spec's bodies from a decoded item")
    func commands() async throws {
        let items = try JSONDecoder().decode([StrategyItem].self, from: JSONEncoder().encode(SpecExample.payload("strategy-items.response")))
        let item = try #require(items.first)

        let (starting, startTransport) = try apiClient(answering: "strategy-start.response")
        #expect(try await starting.startStrategy(userID: UserID("123"), strategy: item) == StrategyStatus(id: "1", status: .running))
        #expect(try SpecExample.json(of: startTransport.requests.first) == SpecExample.json("strategy-start.request"))

        let (stopping, stopTransport) = try apiClient(answering: "strategy-stop.response")
        #expect(try await stopping.stopStrategy(userID: UserID("123"), strategy: item) == StrategyStatus(id: "1", status: .stopped))
        #expect(try SpecExample.json(of: stopTransport.requests.first) == SpecExample.json("strategy-stop.request"))

        let (leaving, leaveTransport) = try apiClient(answering: "strategy-stop.response")
        _ = try await leaving.leaveStrategy(userID: UserID("123"), strategy: item)
        #expect(try SpecExample.json(of: leaveTransport.requests.first) == SpecExample.json("strategy-leave.request"))
        #expect(leaveTransport.requests.first?.url.path == "/exp/v2/strategy/stop")
    }

    @Test("/strategy/status/{uid}: the seq_no/error_code envelope")
    func statuses() async throws {
        let (client, _) = try apiClient(answering: "strategy-status.response")
        #expect(
            try await client.strategyStatuses(uid: 123) == [
                StrategyStatus(id: "1", status: .running), StrategyStatus(id: "2", status: .stopped),
            ])
    }

    @Test("an error_code refusal in the seq_no envelope is read as a refusal")
    func strategyRefusal() async throws {
        let body = #"{"success":false,"seq_no":0,"error_code":500,"data":null}"#
        let failure = try await error { try await apiClient(CannedTransport(body: Data(body.utf8))).strategyStatuses(uid: 3) }
        guard case .rejected(let refusal) = failure else {
            Issue.record("expected a rejection, got \(String(describing: failure))")
            return
        }
        #expect(refusal.code == 500 && refusal.reason == .wrongOwner)
    }
}
