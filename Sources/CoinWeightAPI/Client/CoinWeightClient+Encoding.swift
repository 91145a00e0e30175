extension CoinWeightClient {
    /// Builds an endpoint whose body must be encoded, turning an encoding failure (a value
    /// JSON cannot hold) into an error that names the call instead of a crash.
    func encoding<Response>(_ build: () throws -> Endpoint<Response>) throws(CoinWeightError) -> Endpoint<Response> {
        do {
            return try build()
        } catch {
            throw .invalidRequest(reason: "could not encode the request body: \(error)")
        }
    }
}
