import CoinWeightAPI
import Foundation
import Testing

/// The spec's example bodies as strict JSON, from `Fixtures/spec` (see its README).
enum SpecExample {
    /// The bytes of `Fixtures/spec/<name>.json`.
    static func data(_ name: String) throws -> Data {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures/spec"),
            "missing fixture \(name).json: run scripts/spec-fixtures"
        )
        return try Data(contentsOf: url)
    }

    /// The example parsed as a JSON value, for comparing bodies whatever their key order.
    static func json(_ name: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data(name))
    }

    /// A request body as a JSON value.
    static func json(of request: HTTPRequest?) throws -> JSONValue {
        let body = try #require(request?.body, "the request had no body")
        return try JSONDecoder().decode(JSONValue.self, from: body)
    }

    /// The `data` member of a response example.
    static func payload(_ name: String) throws -> JSONValue {
        guard case .object(let envelope) = try json(name), let data = envelope["data"] else {
            Issue.record("\(name) has no data")
            return .null
        }
        return data
    }
}
