public import CoinWeightAPI
import GRDB

extension StoreQuery {
    /// The user's profile, or `nil` before the first sync.
    public static func userInfo(uid: UserID) -> StoreQuery<UserInfo?> {
        StoreQuery<UserInfo?> { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT uid, google_auth_enabled, group_name, user_name, phone, email, avatar,
                           estimated_value, available_value, net_unit_value, on_orders, change_percentage
                    FROM user_info WHERE uid = ?
                    """, arguments: [uid.rawValue]
            ).map { row in
                UserInfo(
                    uid: UserID(row[0] as String), googleAuthEnabled: row[1], group: row[2], userName: row[3], phone: row[4],
                    email: row[5], avatar: row[6], estimatedValue: row[7], availableValue: row[8], netUnitValue: row[9],
                    onOrders: row[10], changePercentage: try decimal(row[11], "user_info", "change_percentage"))
            }
        }
    }

    /// The user's balances per exchange and currency.
    public static func positions(uid: UserID) -> StoreQuery<[Position]> {
        StoreQuery<[Position]> { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT counter_party, currency, total_amount, used_amount, available_amount FROM position
                    WHERE uid = ? ORDER BY counter_party, currency
                    """, arguments: [uid.rawValue]
            ).map { row in
                func amount(_ index: Int, _ column: String) throws -> ExactDecimal { try exactDecimal(row[index], "position", column) }
                return Position(
                    counterParty: row[0], currency: row[1], totalAmount: try amount(2, "total_amount"),
                    usedAmount: try amount(3, "used_amount"), availableAmount: try amount(4, "available_amount"))
            }
        }
    }

    /// An owner's API keys, secrets masked as the server sent them.
    public static func secrets(owner: String) -> StoreQuery<[SecretMetadata]> {
        StoreQuery<[SecretMetadata]> { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT counter_party, owner, api_key, masked_secret_key FROM secret WHERE owner = ? ORDER BY position
                    """, arguments: [owner]
            )
            .map { SecretMetadata(counterParty: $0[0], owner: $0[1], apiKey: $0[2], maskedSecretKey: $0[3]) }
        }
    }
}
