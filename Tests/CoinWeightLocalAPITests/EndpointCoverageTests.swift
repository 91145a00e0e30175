import CoinWeightAPI
import CoinWeightTestSupport
import Foundation
import Testing

/// The OpenAPI document the local API serves is the one it routes by: every operation it
/// lists reaches a route of the local API (a JSON answer: an envelope, or the bare object of
/// `/test-auth`), so none is refused as unknown.
@Suite("Local API and its OpenAPI document")
struct EndpointCoverageTests {
    @Test("each of the document's operations reaches a route: a JSON object, never 404 or 405")
    func everyOperationIsRouted() async throws {
        try await LocalAPIRig.with { rig in
            let document = try await rig.request("/_cwsync/openapi.yaml").text
            var operations: [(method: HTTPRequest.Method, path: String)] = []
            var path: String?
            for line in document.split(separator: "\n") {
                if line.hasPrefix("  /") && line.hasSuffix(":") {
                    path = String(line.dropFirst(3).dropLast())
                } else if let path, line == "    get:" || line == "    post:" {
                    operations.append((line == "    get:" ? .get : .post, path))
                }
            }
            #expect(operations.count >= 34, "operations found in the document: \(operations.count)")
            for (method, template) in operations {
                let path = template.replacingOccurrences(of: "{uid}", with: "2").replacingOccurrences(of: "{owner}", with: "2")
                let answer = try await rig.request(path, method: method, headers: rig.withKey, json: method == .post ? "{}" : nil)
                #expect(answer.status != 404 && answer.status != 405, "\(method) \(template): \(answer.status) \(answer.text)")
                #expect(!answer.object.isEmpty, "\(method) \(template): not a JSON object: \(answer.text)")
            }
        }
    }
}
