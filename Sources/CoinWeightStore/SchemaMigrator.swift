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
    /// - Throws: ``StoreError/notADatabase(path:reason:)`` for a folder, an empty file, a file
    ///   without an SQLite header, or one shorter than its header says (a copy cut short).
    func versionOfExistingStore(at path: String) throws -> Int? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return nil }
        guard !isFolder.boolValue else { throw StoreError.notADatabase(path: path, reason: "it is a folder, not a file") }
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let header = try handle.read(upToCount: 100) ?? Data()
        guard !header.isEmpty else { throw StoreError.notADatabase(path: path, reason: "the file is empty") }
        guard header.count == 100, header.prefix(16) == Data("SQLite format 3\u{0}".utf8) else {
            throw StoreError.notADatabase(path: path, reason: "the file has no SQLite header")
        }
        let walSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? NSNumber
        guard let walSize, walSize.intValue > 0 else {
            let fileSize = try handle.seekToEnd()
            if let expected = Self.databaseSize(header: header), fileSize < expected {
                throw StoreError.notADatabase(path: path, reason: "the file is \(fileSize) bytes where its header says \(expected): it was cut short")
            }
            return Self.bigEndian(header[60..<64])
        }
        return try Self.readOnly(path) { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    }

    /// Reads the existing store at `path` through a read-only connection, which leaves every
    /// byte of its files as it was (a writing connection checkpoints the WAL as it closes).
    /// - Throws: ``StoreError/notADatabase(path:reason:)`` or ``StoreError/unavailable(path:reason:)``.
    static func readOnly<T>(_ path: String, _ body: (Database) throws -> T) throws -> T {
        var configuration = Configuration()
        configuration.readonly = true
        // Another process may hold the file a moment (recovering the WAL of a daemon that was
        // killed, say): wait for it as the store's own connections do.
        configuration.busyMode = .timeout(5)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read(body)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            throw StoreError.notADatabase(path: path, reason: error.message ?? "\(error.resultCode)")
        } catch let error as DatabaseError {
            throw StoreError.unavailable(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// The database size the header gives (page size times page count), in bytes, when the
    /// header's count is valid: not zero, and written by the same change as the file
    /// (its "version-valid-for" number, bytes 92-95, equals the change counter, bytes 24-27).
    private static func databaseSize(header: Data) -> UInt64? {
        let pages = bigEndian(header[28..<32])
        guard pages > 0, header[24..<28] == header[92..<96] else { return nil }
        let pageSize = bigEndian(header[16..<18])
        return UInt64(pageSize == 1 ? 65_536 : pageSize) * UInt64(pages)
    }

    /// The unsigned big-endian number in `bytes`.
    private static func bigEndian(_ bytes: Data) -> Int {
        bytes.reduce(0) { $0 << 8 | Int($1) }
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
