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
        try await OrderOutboxTests.with { harness, outbox in
            let pair = MarketPair(counterParty: "okcoin", symbol: "BTC-USDT")
            let favorite = try await outbox.enqueue(.addFavorite(pair), uid: 2)
            let (create, localID) = try await outbox.placeOrder(OrderOutboxTests.order(), uid: 2)
            try await harness.store.write { try $0.markFailed(create, code: 4, message: "parameters error") }
            let path = harness.store.path

            let listed = try CWSyncBinary.run(["outbox", "list", "--store", path, "--json"])
            #expect(listed.status == 0, "\(listed.err)")
            let lines = try listed.out.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            #expect(lines.map { $0?["kind"] as? String } == ["addFavorite", "createOrder"])
            #expect(lines.map { $0?["state"] as? String } == ["pending", "failed"])
            #expect(lines.last??["errorCode"] as? Int == 4)
            let table = try CWSyncBinary.run(["outbox", "list", "--store", path])
            #expect(table.out.hasPrefix("ID") && table.out.contains("parameters error"), "\(table.out)")

            #expect(try CWSyncBinary.run(["outbox", "drop", String(favorite), "--store", path]).status == 0)
            #expect(try await harness.store.read(.outboxEntry(id: favorite))?.state == .failed)
            #expect(try await harness.store.read(.favorites(uid: 2)).map(\.pair).contains(pair) == false, "rolled back")

            #expect(try CWSyncBinary.run(["outbox", "retry", String(create), "--store", path]).status == 0)
            let retried = try await harness.store.read(.outboxEntry(id: create))
            #expect(retried?.state == .pending && retried?.attempts == 0 && retried?.errorCode == nil)
            #expect(retried.map { $0.nextAttemptAt <= Date() && $0.deadline.map { $0 > Date() } == true } == true, "due now, with a new deadline")
            #expect(try await harness.store.read(.order(id: localID)) != nil, "shown again")

            for (arguments, message) in [
                (["outbox", "drop", "999"], "no outbox entry 999"),
                (["outbox", "retry", String(create)], "only a failed or expired entry"),
                (["outbox", "list", "--state", "lost"], "unknown state lost"),
            ] {
                let refused = try CWSyncBinary.run(arguments + ["--store", path])
                #expect(refused.status != 0 && refused.out.isEmpty && refused.err.contains(message), "\(arguments): \(refused.err)")
            }
        }
    }
}
