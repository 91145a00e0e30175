import Foundation
package import Hummingbird

extension Request {
    /// The bearer token of the `Authorization` header, if any.
    package var bearerToken: String? {
        guard let value = headers[.authorization], value.hasPrefix("Bearer ") else { return nil }
        return String(value.dropFirst("Bearer ".count))
    }

    /// Decodes the JSON body; a body that does not fit is the API's parameters error (4).
    package func decodeBody<Body: Decodable>(_ type: Body.Type, context: some RequestContext) async throws -> Body {
        let buffer = try await body.collect(upTo: context.maxUploadSize)
        do {
            return try JSONDecoder().decode(Body.self, from: Data(buffer.readableBytesView))
        } catch {
            throw APIFailure.parameters("the request body is not a valid \(Body.self)")
        }
    }

    /// A query parameter parsed as a whole number; text that is not one is error 4.
    package func integerQuery(_ name: String) throws -> Int64? {
        guard let text = uri.queryParameters.get(name) else { return nil }
        guard let value = Int64(text) else { throw APIFailure.parameters("\(name) must be a whole number") }
        return value
    }

    /// The `owner` query parameter, required by the order list endpoints.
    package func requiredOwner() throws -> String {
        guard let owner = uri.queryParameters.get("owner"), !owner.isEmpty else { throw APIFailure.parameters("owner is required") }
        return owner
    }
}
