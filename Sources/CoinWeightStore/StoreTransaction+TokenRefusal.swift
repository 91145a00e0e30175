package import CoinWeightAPI
package import Foundation
import GRDB

extension StoreTransaction {
    /// Notes that the server refused `token` of user `uid` (HTTP 403), so that every process
    /// sharing the store knows a login is needed. Only a fingerprint of the token is kept,
    /// never the token.
    package func recordTokenRefused(_ token: AuthToken, uid: UserID, at date: Date) throws {
        try replaceRows(
            in: "token_refusal", where: "uid = ?", [uid.rawValue], columns: ["uid", "token_fingerprint", "refused_at"],
            rows: [[uid.rawValue, token.refusalKey, date.millisecondsSince1970]])
    }

    /// Forgets the refusal of `uid`'s token: a new login.
    package func clearTokenRefusal(uid: UserID) throws {
        try replaceRows(in: "token_refusal", where: "uid = ?", [uid.rawValue], columns: [], rows: [])
    }
}

extension StoreQuery {
    /// Whether the server refused `token` of `uid`: the refusal recorded for `uid` is of this
    /// token, not of one an earlier login had.
    package static func isTokenRefused(_ token: AuthToken, uid: UserID) -> StoreQuery<Bool> {
        StoreQuery<Bool> { db in
            try Bool.fetchOne(db, sql: "SELECT token_fingerprint = ? FROM token_refusal WHERE uid = ?", arguments: [token.refusalKey, uid.rawValue]) ?? false
        }
    }
}

extension AuthToken {
    /// What the store keeps of a refused token: the 64-bit FNV-1a hash of its text, which
    /// tells two tokens apart without saying anything usable about either.
    fileprivate var refusalKey: Int64 {
        Int64(bitPattern: rawValue.utf8.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 })
    }
}
