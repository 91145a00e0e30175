package import CoinWeightAPI

/// Why a server of the API refuses a request; its routes turn it into the spec's response.
package enum APIFailure: Error, Equatable {
    /// HTTP 403: no valid token, or a uid or owner that is not the token's.
    case forbidden
    /// HTTP 200, `success:false`, with the endpoint's error code (and the order as it stands, when there is one).
    case business(code: Int, message: String, order: Order? = nil)

    /// Error code 4, the API's parameters error.
    package static func parameters(_ message: String) -> APIFailure { .business(code: 4, message: "Parameters error: \(message)") }

    /// Error code 500 of the secret and strategy endpoints.
    package static let wrongOwner = APIFailure.business(code: 500, message: "Unexpected Error (wrong owner)")
}
