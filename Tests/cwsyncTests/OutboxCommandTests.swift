import CoinWeightAPI
import CoinWeightStore
import CoinWeightSync
import CoinWeightTestSupport
import Foundation
import Testing

/// `cwsync outbox list|retry|drop`, the built binary on a store the library filled.
@Suite("cwsync outbox")
struct OutboxCommandTests {
    @Test("list shows each entry; drop rolls a pending write back; retry queues a failed one again; a wrong id or state is one line and exit 1")
    func listRetryDrop() async throws {
        try await SyncHarness.withOutbox { harness, outbox in
            let pair = MarketPair(counterParty: "okcoin", symbol: "BTC-USDT")
            let favorite = try await outbox.enqueue(.addFavorite(pair), uid: 2)
            let (create, localID) = try await outbox.placeOrder(NewOrder.sample(), uid: 2)
            try await harness.store.write {
                try $0.markFailed(create, .refused(code: 4, message: "parameters error", order: nil), message: "parameters error", at: harness.clock.now)
            }
            let path = harness.store.path

            let listed = try await CWSyncBinary.run(["outbox", "list", "--store", path, "--json"])
            #expect(listed.status == 0, "\(listed.err)")
            let lines = try listed.out.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            #expect(lines.map { $0?["kind"] as? String } == ["addFavorite", "createOrder"])
            #expect(lines.map { $0?["state"] as? String } == ["pending", "failed"])
            #expect(lines.last??["errorCode"] as? Int == 4)
            let table = try await CWSyncBinary.run(["outbox", "list", "--store", path])
            #expect(table.out.hasPrefix("ID") && table.out.contains("parameters error"), "\(table.out)")

            #expect(try await CWSyncBinary.run(["outbox", "drop", String(favorite), "--store", path]).status == 0)
            #expect(try await harness.store.read(.outboxEntry(id: favorite))?.state == .failed)
            #expect(try await harness.store.read(.favorites(uid: 2)).map(\.pair).contains(pair) == false, "rolled back")

            #expect(try await CWSyncBinary.run(["outbox", "retry", String(create), "--store", path]).status == 0)
            let retried = try await harness.store.read(.outboxEntry(id: create))
            #expect(retried?.state == .pending && retried?.attempts == 0 && retried?.errorCode == nil)
            #expect(retried.map { $0.nextAttemptAt <= Date() && $0.deadline.map { $0 > Date() } == true } == true, "due now, with a new deadline")
            #expect(try await harness.store.read(.order(id: localID)) != nil, "shown again")

            for (arguments, message) in [
                (["outbox", "drop", "999"], "no outbox entry 999"),
                (["outbox", "retry", String(create)], "only a failed or expired entry"),
                (["outbox", "list", "--state", "lost"], "unknown state lost"),
            ] {
                let refused = try await CWSyncBinary.run(arguments + ["--store", path])
                #expect(refused.status != 0 && refused.out.isEmpty && refused.err.contains(message), "\(arguments): \(refused.err)")
            }
        }
    }

    @Test("status shows the session, the outbox by state with its oldest waiting write and delivery time, and each resource")
    func status() async throws {
        try await SyncHarness.withOutbox { harness, outbox in
            let session = try await harness.client.login(Credentials(userName: "abc", password: "abc_password"))
            try SessionFile(besideStore: harness.store.path).save(session)
            let delivered = try await outbox.enqueue(.addFavorite(MarketPair(counterParty: "okcoin", symbol: "BTC-USDT")), uid: 2)
            harness.clock.advance(by: 2)
            #expect(await outbox.deliver(uid: 2).delivered == [delivered])
            _ = try await outbox.enqueue(.addFavorite(MarketPair(counterParty: "huobi", symbol: "ETH-USDT")), uid: 2)

            let result = try await CWSyncBinary.run(["status", "--json", "--store", harness.store.path])
            #expect(result.status == 0, "\(result.err)")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
            let box = try #require(report["outbox"] as? [String: Any])
            // The emulator runs on the test's clock, so the token's expiry is compared as a value.
            let expiry = try #require(session.authToken.expiresAt)
            #expect(report["user"] as? String == "abc" && report["daemonPID"] == nil)
            #expect((report["tokenExpiresAt"] as? Double).map { Int64($0) } == expiry.millisecondsSince1970)
            #expect((box["counts"] as? [String: Int]) == ["pending": 1, "delivered": 1])
            #expect(box["deliveryP50Milliseconds"] as? Int == 2_000, "enqueue to delivery took 2 s on the clock: \(box)")
            #expect((box["oldestWaitingSince"] as? Double).map { Int64($0) } == harness.clock.now.millisecondsSince1970)
            let resources = (report["resources"] as? [[String: Any]])?.compactMap { $0["resource"] as? String } ?? []
            #expect(resources.contains("symbols") && resources.contains("activeOrders:2"), "\(resources)")
            let text = try await CWSyncBinary.run(["status", "--store", harness.store.path])
            #expect(text.out.contains("outbox: pending 1, sending 0, delivered 1") && text.out.contains("p50 2000 ms"), "\(text.out)")
        }
    }
}
