package import CoinWeightAPI
import GRDB

/// The user's profile, balances and API-key metadata.
extension StoreTransaction {
    /// Replaces the profile of `info.uid` (`/user/{uid}/info`), its values as the server
    /// wrote them and `changePercentage` as exact decimal text.
    package func saveUserInfo(_ info: UserInfo) throws {
        try replaceRows(
            in: "user_info", where: "uid = ?", [info.uid.rawValue],
            columns: [
                "uid", "user_name", "group_name", "google_auth_enabled", "phone", "email", "avatar",
                "estimated_value", "available_value", "net_unit_value", "on_orders", "change_percentage",
            ],
            rows: [
                [
                    info.uid.rawValue, info.userName, info.group, info.googleAuthEnabled, info.phone, info.email, info.avatar,
                    info.estimatedValue, info.availableValue, info.netUnitValue, info.onOrders, info.changePercentage.storeText,
                ]
            ])
    }

    /// Replaces every balance of `uid` (`/user/{uid}/position`), amounts stored as their
    /// exact decimal text.
    package func replacePositions(_ positions: [Position], uid: UserID) throws {
        let rows = positions.map { position -> StatementArguments in
            [uid.rawValue, position.counterParty, position.currency, position.totalAmount.text, position.usedAmount.text, position.availableAmount.text]
        }
        try replaceRows(
            in: "position", where: "uid = ?", [uid.rawValue],
            columns: [
                "uid", "counter_party", "currency", "total_amount", "used_amount", "available_amount",
            ], rows: rows)
    }

    /// Replaces an owner's API keys. Only masked secrets are accepted: the table refuses a
    /// value without a run of asterisks, so a plaintext secret is never written.
    package func replaceSecrets(_ secrets: [SecretMetadata], owner: String) throws {
        let rows = secrets.enumerated().map { index, secret -> StatementArguments in
            [owner, secret.counterParty, secret.apiKey, secret.maskedSecretKey, index]
        }
        try replaceRows(
            in: "secret", where: "owner = ?", [owner],
            columns: [
                "owner", "counter_party", "api_key", "masked_secret_key", "position",
            ], rows: rows)
    }
}
