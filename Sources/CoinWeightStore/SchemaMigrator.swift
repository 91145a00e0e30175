import CoinWeightAPI
import Foundation
import GRDB

/// Applies the `schema/` files a store lacks, all in one transaction, and records them.
///
/// `PRAGMA user_version` holds the highest applied version; `schema_migration` lists each
/// file with the time it was applied. A store whose version is above the files' is refused
/// before anything is written.
struct SchemaMigrator: Sendable {
    let files: [SchemaFile]

    /// The highest version this build knows.
    var latestVersion: Int { files.last?.version ?? 0 }

    /// Reads the version of the store at `path` without writing anything, not even the
    /// `-wal` and `-shm` files an SQLite open would create. `nil` when there is no file yet.
    ///
    /// The version is `PRAGMA user_version`, bytes 60-63 of the database header. Only when a
    /// non-empty `-wal` holds changes not yet in the file (another process has it open) is
    /// the file opened, read-only, to see them.
    /// - Throws: ``StoreError/notADatabase(path:reason:)`` for a file without an SQLite header.
    func versionOfExistingStore(at path: String) throws -> Int? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let header = try handle.read(upToCount: 100) ?? Data()
        if header.isEmpty { return 0 }
        guard header.count == 100, header.prefix(16) == Data("SQLite format 3\u{0}".utf8) else {
            throw StoreError.notADatabase(path: path, reason: "the file has no SQLite header")
        }
        let walSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? NSNumber
        guard let walSize, walSize.intValue > 0 else {
            return header[60..<64].reduce(0) { $0 << 8 | Int($1) }
        }
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
        } catch let error as DatabaseError {
            throw StoreError.notADatabase(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// Brings `db` to ``latestVersion`` in one immediate transaction.
    /// - Returns: the versions applied (empty when the store was current).
    @discardableResult
    func migrate(_ db: Database, path: String, now: Date) throws -> [Int] {
        var applied: [Int] = []
        try db.inTransaction(.immediate) {
            let current = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            guard current <= latestVersion else {
                throw StoreError.newerSchema(path: path, found: current, supported: latestVersion)
            }
            for file in files where file.version > current {
                try db.execute(sql: file.sql)
                try db.execute(
                    sql: "INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)",
                    arguments: [file.version, file.name, now.millisecondsSince1970])
                try db.execute(sql: "PRAGMA user_version = \(file.version)")
                applied.append(file.version)
            }
            return .commit
        }
        return applied
    }
}
