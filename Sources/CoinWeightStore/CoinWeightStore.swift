public import Foundation
import GRDB

/// The local SQLite mirror of what the coin-weight API serves a user.
///
/// One `DatabasePool` in WAL mode at a path: readers never wait for the writer. Opening
/// applies the missing `schema/` files in one transaction; a store written by a newer
/// version, or a file that is not a store, is refused before anything is written to it.
///
/// An app reads and observes it; only the mirror that owns it (`CoinWeightMirror`, its sync
/// and its outbox) writes it.
///
/// ```swift
/// let store = mirror.store
/// let page = try await store.read(.orders(OrderFilter(owner: "2", symbol: "ETH-USDT"), limit: 50))
/// for try await favorites in store.observe(.favorites(uid: 2).withPending()) { render(favorites) }
/// ```
///
/// ## Topics
/// - Reading: ``read(_:)``, ``observe(_:)``, ``StoreQuery``
/// - Maintenance: ``checkIntegrity()``, ``compact()``, ``resetMirror()``
public struct CoinWeightStore: Sendable {
    /// The database file.
    public let path: String
    /// The schema version of the store, the highest `schema/` file applied.
    public let schemaVersion: Int
    /// The store's files (the database, its `-wal` and `-shm`) that others could read when it
    /// was opened, and which opening made readable and writable by their owner only (0600).
    public let narrowedFiles: [String]
    let pool: DatabasePool

    /// Opens (creating when missing) the store at `path` and brings its schema up to date.
    ///
    /// A trader's history and positions are nobody else's: a new store and its `-wal` and
    /// `-shm` files are created readable and writable by their owner only (0600), a folder it
    /// creates for them 0700, and an existing store with wider modes is narrowed to 0600
    /// (``narrowedFiles`` says which).
    /// - Parameters:
    ///   - path: the database file; its folder is created when missing.
    ///   - now: the time recorded for applied schema files.
    /// - Throws: ``StoreError/newerSchema(path:found:supported:)`` and
    ///   ``StoreError/notADatabase(path:reason:)`` without touching the file.
    public init(path: String, now: Date = Date()) throws {
        let migrator = SchemaMigrator(files: try SchemaFile.embedded())
        if let found = try migrator.versionOfExistingStore(at: path), found > migrator.latestVersion {
            throw StoreError.newerSchema(path: path, found: found, supported: migrator.latestVersion)
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: folder.path) {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        narrowedFiles = try StoreFileModes.makePrivate(path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.label = "cwsync.store"
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            schemaVersion = try pool.writeWithoutTransaction { db in
                try migrator.migrate(db, path: path, now: now)
                return try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            }
        } catch let error as DatabaseError {
            throw StoreError.notADatabase(path: path, reason: error.message ?? "\(error.resultCode)")
        }
        self.path = path
    }

    /// Runs `body` in one write transaction: all of it is committed, or none.
    ///
    /// The store runs WAL with `synchronous=NORMAL`: a commit survives the app crashing or
    /// being killed, but the last commits may be lost if the machine loses power. With
    /// `syncingToDisk`, this commit (and every one before it) is on disk before the call
    /// returns, at the price of an fsync: for a mark that must survive anything, such as the
    /// `sending` of an order create queued earlier, made before its request goes out.
    package func write<T: Sendable>(syncingToDisk: Bool = false, _ body: @escaping @Sendable (StoreTransaction) throws -> T) async throws -> T {
        guard syncingToDisk else { return try await pool.write { db in try StoreTransaction.run(in: db, body) } }
        return try await pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            defer { try? db.execute(sql: "PRAGMA synchronous = NORMAL") }
            var result: T?
            try db.inTransaction {
                result = try StoreTransaction.run(in: db, body)
                return .commit
            }
            return result!
        }
    }

    /// Runs `body` in one write transaction on the calling thread, as ``write(_:)`` does: for
    /// a caller that is not async (an initializer); everything else uses ``write(_:)``.
    package func writeNow<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
        try pool.write { db in try StoreTransaction.run(in: db, body) }
    }

    /// The result of `query` now, on the calling thread: for a caller that is not async.
    package func readNow<Value>(_ query: StoreQuery<Value>) throws -> Value {
        try pool.read { db in try query.fetch(db) }
    }

    /// The current result of `query`.
    public func read<Value>(_ query: StoreQuery<Value>) async throws -> Value {
        try await pool.read { db in try query.fetch(db) }
    }

    /// The result of `query` now, then again after each committed transaction that changes it.
    public func observe<Value: Equatable>(_ query: StoreQuery<Value>) -> StoreObservation<Value> {
        StoreObservation(ValueObservation.tracking(query.fetch).removeDuplicates().values(in: pool, scheduling: .task))
    }

    /// Frees what SQLite holds beyond the database file: the page cache of every connection,
    /// and the reading connections themselves, which reopen on the next read. For a process at
    /// rest between two syncs, such as a daemon, or an app told that memory runs low.
    ///
    /// It returns once the writing connection has freed its memory, after the write it runs,
    /// if any; each reading connection closes once the read it runs, if any, is done, without
    /// being waited for (GRDB's `releaseMemoryEventually()`; its blocking form waits for every
    /// reader, which an observation's read under the writer can hold up for good).
    public func releaseMemory() async {
        pool.releaseMemoryEventually()
        // The writer frees its memory in its turn on its queue: this waits for that turn.
        try? await pool.writeWithoutTransaction { _ in }
    }

    /// Closes the database; later calls fail.
    public func close() throws { try pool.close() }
}
