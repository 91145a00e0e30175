import Foundation
import GRDB

/// What `cwsync store check` and `cwsync store compact` run.
extension CoinWeightStore {
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
