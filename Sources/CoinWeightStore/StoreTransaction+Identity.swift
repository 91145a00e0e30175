import CoinWeightAPI
import Foundation
import GRDB

extension StoreTransaction {
    /// Binds the store to `identity` when it is bound to no one; keeps an equal binding.
    /// - Throws: ``StoreIdentityMismatch`` when it is bound to another account or server.
    package func bindIdentity(_ identity: StoreIdentity, path: String) throws {
        if let bound = try StoreQuery<StoreIdentity?>.identity.fetch(db) {
            try bound.require(endpoint: identity.endpoint, path: path)
            try bound.require(userName: identity.userName, path: path)
            guard bound.uid == identity.uid else { throw StoreIdentityMismatch(path: path, bound: bound, asked: .uid(identity.uid)) }
            return
        }
        try db.execute(
            sql: "INSERT INTO store_identity (id, endpoint, uid, user_name, bound_at) VALUES (1, ?, ?, ?, ?)",
            arguments: [identity.endpoint, identity.uid.rawValue, identity.userName, identity.boundAt.millisecondsSince1970])
    }

    /// Unbinds the store: its next login binds it again.
    package func forgetIdentity() throws {
        try db.execute(sql: "DELETE FROM store_identity")
    }
}

extension StoreQuery {
    /// Whose mirror the store is; `nil` before the first login.
    public static var identity: StoreQuery<StoreIdentity?> {
        StoreQuery<StoreIdentity?> { db in
            try Row.fetchOne(db, sql: "SELECT endpoint, uid, user_name, bound_at FROM store_identity WHERE id = 1").map { row in
                StoreIdentity(endpoint: row[0] as String, uid: UserID(row[1] as String), userName: row[2], boundAt: Date(millisecondsSince1970: row[3]))
            }
        }
    }
}

extension CoinWeightStore {
    /// Whose mirror the store at `path` is, read without opening it for writing, so that a
    /// refusal leaves its files byte for byte as they were; `nil` when there is no store
    /// there yet or it is bound to no one.
    /// - Throws: ``StoreError`` for a file that is not a store or cannot be read now.
    public static func identity(at path: String) throws -> StoreIdentity? {
        let migrator = SchemaMigrator(files: try SchemaFile.embedded())
        guard let version = try migrator.versionOfExistingStore(at: path) else { return nil }
        guard version <= migrator.latestVersion else { throw StoreError.newerSchema(path: path, found: version, supported: migrator.latestVersion) }
        // Stores from before schema 0006 are bound to no one (read from the header alone).
        guard version >= 6 else { return nil }
        return try SchemaMigrator.readOnly(path) { db in try StoreQuery<StoreIdentity?>.identity.fetch(db) }
    }
}

extension StoreIdentity {
    /// - Throws: ``StoreIdentityMismatch`` unless `endpoint` (normalised) is this store's.
    package func require(endpoint: String, path: String) throws {
        guard endpoint == self.endpoint else { throw StoreIdentityMismatch(path: path, bound: self, asked: .endpoint(endpoint)) }
    }

    /// - Throws: ``StoreIdentityMismatch`` unless `userName` is this store's user.
    package func require(userName: String, path: String) throws {
        guard userName == self.userName else { throw StoreIdentityMismatch(path: path, bound: self, asked: .user(userName)) }
    }
}
