import CoinWeightAPI
import CoinWeightEmulator
import Foundation

/// A client logged in as a seeded user of a running emulator.
struct LoggedIn {
    let client: CoinWeightClient
    let session: Session
    var uid: UserID { session.uid }
}

extension RunningEmulator {
    /// A fresh client logged in as `user` (password `<user>_password`).
    func login(_ user: String = "abc") async throws -> LoggedIn {
        let client = try CoinWeightClient(baseURL: baseURL)
        let session = try await client.login(Credentials(userName: user, password: "\(user)_password"))
        return LoggedIn(client: client, session: session)
    }
}

/// Now in the API's unit, milliseconds since the epoch.
func nowMilliseconds() -> Int64 { Date().millisecondsSince1970 }

/// A LIMIT order for abc on binance ETH-USDT.
func limitOrder(owner: String = "2", price: ExactDecimal = "2000.50", quantity: ExactDecimal = "1.2500", side: Side = .bid) -> NewOrder {
    NewOrder(orderType: .limit, symbol: "ETH-USDT", side: side, owner: owner, counterParty: "binance", price: price, quantity: quantity)
}
