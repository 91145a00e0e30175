import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightLocalAPI
import CoinWeightStore
import CoinWeightSync
import CoinWeightTestSupport
import Foundation
import Testing

/// A client of the local API while the server is gone, and when it comes back.
@Suite("Local API offline")
struct OfflineTests {
    static let fastRetries = SyncConfiguration(backoff: Backoff(initial: .milliseconds(50), maximum: .milliseconds(500)))

    @Test(
        "with the server stopped: orders, favorites and layouts answer from the mirror; a favorite and an order are answered at once, pending; the change feed shows them delivered once it is back"
    )
    func offlineThenBack() async throws {
        try await LocalAPIRig.with(sync: Self.fastRetries) { rig in
            let before = try await rig.abc.createOrder(
                NewOrder(orderType: .limit, symbol: "ETH-USDT", side: .bid, owner: "2", counterParty: "binance", price: "2000.50", quantity: "1.2500"))
            let favoritesBefore = try await rig.abc.favorites(uid: 2)
            let layoutBefore = try await rig.abc.customLayout(.simple, uid: 2)
            await rig.upstream.stop()

            #expect(try await rig.abc.activeOrders(owner: "2").contains(before))
            #expect(try await rig.abc.favorites(uid: 2) == favoritesBefore)
            #expect(try await rig.abc.customLayout(.simple, uid: 2) == layoutBefore)

            let login = try await rig.request("user/login", method: .post, json: #"{"userName":"abc","password":"abc_password"}"#)
            #expect(login.status == 503 && (login.object["errorMsg"] as? String)?.contains("cannot be reached") == true, "\(login.text)")

            let after = try await rig.local.store.read(.lastChange)
            let feed = Task {
                try await EventStream.read(
                    URL(string: "/_cwsync/events", relativeTo: rig.local.baseURL)!.absoluteURL,
                    headers: rig.withKey.merging(["Last-Event-ID": "\(after)"]) { $1 }
                ) { events in events.filter { $0.event == "outbox" && $0.data.contains(#""state":"delivered""#) }.count >= 2 }
            }
            let favorite = try await rig.request(
                "config/market/custom/2/favorite/add", method: .post, headers: rig.withKey, json: #"{"counterParty":"okcoin","symbol":"BTC-USDT"}"#)
            #expect(favorite.status == 200 && favorite.object["success"] as? Bool == true, "\(favorite.text)")
            // Not confirmed: pending, or sending if an attempt is out just then.
            let unconfirmed: Set<String?> = ["pending", "sending"]
            #expect(unconfirmed.contains(favorite.header("CWSync-Outbox-State")), "\(favorite.headers)")
            let created = try await rig.request(
                "order/create", method: .post, headers: rig.withKey,
                json: #"{"orderType":"LIMIT","symbol":"ETH-USDT","side":"ASK","owner":"2","counterParty":"binance","price":"2100.00","quantity":"0.5000"}"#)
            #expect(created.status == 200 && unconfirmed.contains(created.header("CWSync-Outbox-State")), "\(created.text)")
            let local = try #require((created.object["data"] as? [String: Any])?["streetOrderId"] as? String)
            #expect(try await rig.abc.activeOrders(owner: "2").contains { $0.streetOrderId == local && $0.price.text == "2100.00" })
            #expect(try await rig.abc.favorites(uid: 2).contains { $0.pair == MarketPair(counterParty: "okcoin", symbol: "BTC-USDT") })

            try await rig.upstream.start()
            let events = try await feed.value
            let outbox = events.filter { $0.event == "outbox" }
            let entries = [favorite.header("CWSync-Outbox-Entry"), created.header("CWSync-Outbox-Entry")].compactMap { $0 }
            #expect(entries.count == 2)
            for entry in entries {
                let states = outbox.filter { $0.data.contains(#""entry":\#(entry),"#) }.compactMap { $0.data.firstMatch(of: /"state":"(\w+)"/)?.1 }
                #expect(unconfirmed.contains(states.first.map(String.init)) && states.last == "delivered", "entry \(entry): \(states)")
            }
            #expect(events.map { Int($0.id ?? "") ?? 0 } == events.map { Int($0.id ?? "") ?? 0 }.sorted(), "ids rise")
            #expect(await rig.upstream.state.snapshot().orders(owner: "2").contains { $0.price.text == "2100.00" && $0.side == .ask })
            #expect(await rig.upstream.state.snapshot().user(2)?.favorites.contains(MarketPair(counterParty: "okcoin", symbol: "BTC-USDT")) == true)
        }
    }

    @Test("a reader that reconnects with Last-Event-ID gets every change after it, and only those")
    func resumes() async throws {
        try await LocalAPIRig.with { rig in
            let start = try await rig.local.store.read(.lastChange)
            for symbol in ["BTC-USDT", "ETH-USDT"] {
                _ = try await rig.request(
                    "config/market/custom/2/favorite/add", method: .post, headers: rig.withKey, json: #"{"counterParty":"okcoin","symbol":"\#(symbol)"}"#)
            }
            let url = URL(string: "/_cwsync/events", relativeTo: rig.local.baseURL)!.absoluteURL
            let all = try await EventStream.read(url, headers: rig.withKey.merging(["Last-Event-ID": "\(start)"]) { $1 }) { events in
                events.filter { $0.data.contains(#""state":"delivered""#) }.count >= 2
            }
            let middle = try #require(all.dropLast().last?.id)
            let rest = try await EventStream.read(url, headers: rig.withKey.merging(["Last-Event-ID": middle]) { $1 }) { _ in true }
            #expect(rest.first == all.last)
            let refused = try await rig.request("/_cwsync/events", headers: rig.withKey.merging(["Last-Event-ID": "yesterday"]) { $1 })
            #expect(refused.status == 400)
            #expect(try await rig.request("/_cwsync/events").status == 403, "the feed needs a bearer")
        }
    }
}
