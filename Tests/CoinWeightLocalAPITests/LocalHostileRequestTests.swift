import CoinWeightAPI
import CoinWeightTestSupport
import Foundation
import Testing

/// Requests a fuzzer or a careless client sends: each gets the API's envelope, and the local
/// API goes on serving.
@Suite("Local API and hostile requests")
struct LocalHostileRequestTests {
    @Test("a huge body is 413, page arithmetic near Int64.max cannot overflow, bad numbers and bodies are error 4, unknown paths 404, other methods 405")
    func answersEveryOne() async throws {
        try await LocalAPIRig.with { rig in
            let huge = String(repeating: "a", count: 3 << 20)
            let tooLarge = try await rig.request("order/create", method: .post, headers: rig.withKey, json: huge)
            #expect(tooLarge.status == 413 && tooLarge.object["errorCode"] as? Int == 413, "\(tooLarge.status)")

            for query in [
                "pageIndex=9223372036854775806&pageSize=10", "pageIndex=1&pageSize=9223372036854775807",
                "startTime=-9223372036854775808&endTime=9223372036854775807&pageSize=9223372036854775807",
            ] {
                let page = try await rig.request("order/inactive?owner=2&\(query)", headers: rig.withKey)
                #expect(page.status == 200 && page.object["success"] as? Bool == true, "\(query): \(page.text)")
            }
            for query in ["startTime=x", "pageIndex=-1", "pageSize=0", "pageIndex=99999999999999999999"] {
                let refused = try await rig.request("order/inactive?owner=2&\(query)", headers: rig.withKey)
                #expect(refused.status == 200 && refused.object["errorCode"] as? Int == 4, "\(query): \(refused.text)")
            }
            let garbage = try await rig.request("order/create", method: .post, headers: rig.withKey, json: #"{"price": 1e999"#)
            #expect(garbage.object["errorCode"] as? Int == 4, "\(garbage.text)")

            let unknown = try await rig.request("order/nope", headers: rig.withKey)
            #expect(unknown.status == 404 && unknown.object["errorCode"] as? Int == 404, "\(unknown.text)")
            let wrongMethod = try await rig.request("order/create", method: .delete, headers: rig.withKey)
            #expect(wrongMethod.status == 405 && wrongMethod.header("Allow") == "POST", "\(wrongMethod.text)")
            let getOfAWrite = try await rig.request("order/create", headers: rig.withKey)
            #expect(getOfAWrite.status == 405 && getOfAWrite.header("Allow") == "POST")

            #expect(try await rig.abc.activeOrders(owner: "2").allSatisfy { $0.owner == "2" }, "still serving")
        }
    }
}
