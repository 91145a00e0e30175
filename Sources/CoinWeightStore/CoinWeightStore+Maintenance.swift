import Foundation
import GRDB

/// Upkeep of the store file: an integrity check, compaction, starting the mirror over.
extension CoinWeightStore {
    /// Starts the mirror over without losing a write, in one transaction: drops every
    /// mirrored row and sync cursor; keeps the outbox (its undelivered writes shown again at
    /// once), the store's binding and what is known of refused tokens. The next sync pulls
    /// everything again. Stop the mirror syncing into this store first.
    public func resetMirror() async throws {
        try await write { try $0.resetMirror() }
    }

    /// SQLite's `integrity_check` and `foreign_key_check`: an empty list means the file is sound.
    public func checkIntegrity() async throws -> [String] {
        try await pool.read { db in
            let problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let keys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { "foreign key: \($0)" }
            return problems + keys
        }
    }

    /// Rebuilds the file without its free pages (`VACUUM`) and truncates the WAL.
    /// - Returns: the file size before and after, in bytes.
    public func compact() async throws -> (before: Int64, after: Int64) {
        let before = fileSize
        try await pool.barrierWriteWithoutTransaction { db in
            try db.execute(sql: "VACUUM")
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        return (before, fileSize)
    }

    /// The size of the database file and its WAL, in bytes.
    public var fileSize: Int64 {
        [path, path + "-wal"].reduce(0) { total, file in
            total + (((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? NSNumber)?.int64Value ?? 0)
        }
    }
}
