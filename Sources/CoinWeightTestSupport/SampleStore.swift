import CoinWeightAPI
import CoinWeightStore
import CoinWeightSync
import Foundation

/// A real store file with orders in it and abc's session beside it, closed: what a user's
/// `sync-state/` holds between two commands.
public enum SampleStore {
    /// A token for uid 2 that expires in 2100 (its signature is not checked offline).
    public static let token = AuthToken(
        "eyJhbGciOiJIUzI1NiJ9." + Data(#"{"uid":2,"iss":"ex","exp":4102444800,"group":"group1"}"#.utf8).base64URLEncodedString() + ".c2lnbmF0dXJl")

    /// Creates the store at `path` with `orders` orders, and the session beside it.
    public static func make(at path: String, orders: Int = 400) async throws {
        let store = try CoinWeightStore(path: path)
        let sample = SampleOrders.make(count: orders)
        _ = try await store.write { try $0.upsertOrders(sample) }
        try store.close()
        try SessionFile(besideStore: path).save(Session(uid: 2, userName: "abc", group: "group1", authToken: token))
    }
}
