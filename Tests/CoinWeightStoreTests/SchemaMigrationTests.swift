import CoinWeightAPI
import CoinWeightTestSupport
import Foundation
import GRDB
import Testing

@testable import CoinWeightStore

/// schema/ is the one source of truth: what a migrated store holds is what the files say.
@Suite("Schema and migrations")
struct SchemaMigrationTests {
    /// The schema objects of a database, as SQLite records them.
    private func schema(_ reader: some DatabaseReader) throws -> [String] {
        try reader.read { db in
            try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
                .map { "\($0[0] as String) \($0[1] as String) on \($0[2] as String): \($0[3] as String? ?? "")" }
        }
    }

    @Test("a new store is created at the latest version and records each file it applied")
    func fromEmpty() async throws {
        try await withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("nested/deeper/cwsync.sqlite").path
            let now = Date(timeIntervalSince1970: 1_790_000_000)
            let store = try CoinWeightStore(path: path, now: now)
            defer { try? store.close() }
            let files = try SchemaFile.load(from: repositorySchemaFolder)
            #expect(store.schemaVersion == files.count)
            let recorded = try await store.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT version, name, applied_at FROM schema_migration").map {
                    "\($0[0] as Int) \($0[1] as String) \($0[2] as Int64)"
                }
            }
            #expect(
                recorded == [
                    "1 initial 1790000000000", "2 order_writes 1790000000000", "3 favorite_position 1790000000000", "4 outbox_settled_at 1790000000000",
                    "5 token_refusal 1790000000000", "6 store_identity 1790000000000", "7 pending_writes 1790000000000", "8 unlisted_orders 1790000000000",
                    "9 outbox_failure 1790000000000", "10 change_feed 1790000000000",
                ])
            #expect(try await store.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        }
    }

    @Test("the migrated schema equals the schema/ files applied by hand, and the schema compiled into the library is the repository's files")
    func schemaEqualsFiles() async throws {
        let files = try SchemaFile.load(from: repositorySchemaFolder)
        #expect(try SchemaFile.embedded() == files)
        let byHand = try DatabaseQueue()
        try await byHand.write { db in
            for file in files { try db.execute(sql: file.sql) }
        }
        try await withStore { store, _ in
            let migrated = try schema(store.pool)
            #expect(migrated == (try schema(byHand)))
            #expect(migrated.contains { $0.hasPrefix("table order on order") })
        }
    }

    @Test("a store of a newer version is refused and left byte for byte as it was")
    func newerIsRefused() async throws {
        try await withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("cwsync.sqlite").path
            try CoinWeightStore(path: path).close()
            let queue = try DatabaseQueue(path: path)
            try await queue.write { db in
                try db.execute(sql: "PRAGMA user_version = \(try SchemaFile.embedded().count + 1)")
                try db.execute(sql: "CREATE TABLE from_the_future (x)")
            }
            try queue.close()
            let before = fileFingerprint(path)
            let supported = try SchemaFile.embedded().count
            #expect(throws: StoreError.newerSchema(path: path, found: supported + 1, supported: supported)) { try CoinWeightStore(path: path) }
            #expect(fileFingerprint(path) == before)
            #expect("\(StoreError.newerSchema(path: path, found: supported + 1, supported: supported))".contains("Nothing was changed"))
        }
    }

    @Test("a store another connection holds a moment is waited for, not called damaged")
    func busyStoreWaitedFor() async throws {
        try await withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("cwsync.sqlite").path
            try CoinWeightStore(path: path).close()
            // An exclusive lock with changes in the WAL, as a process recovering the WAL of a
            // killed daemon holds it: the version is read through SQLite, which is busy.
            var configuration = Configuration()
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE") }
            let holder = try DatabaseQueue(path: path, configuration: configuration)
            try await holder.write { db in try db.execute(sql: "PRAGMA user_version = 5") }
            let walSize = (try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? NSNumber)?.intValue ?? 0
            #expect(walSize > 0, "the WAL holds the change")
            // Let go after a moment, on a queue of its own: the probe below blocks the thread
            // it runs on, and the concurrency pool may have no other free (two on two cores).
            let released = DispatchSemaphore(value: 0)
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(500)) {
                try? holder.close()
                released.signal()
            }
            let started = ContinuousClock.now
            #expect(try SchemaMigrator(files: SchemaFile.embedded()).versionOfExistingStore(at: path) == 5, "read once the holder lets go")
            #expect(ContinuousClock.now - started >= .milliseconds(400), "it waited")
            released.wait()
        }
    }

    @Test(
        "a file that is not a database is refused and left as it was",
        arguments: [
            Data("not a database, just text that is long enough to have a header".utf8),
            Data(repeating: 0xAB, count: 8192),
        ])
    func corruptIsRefused(bytes: Data) async throws {
        try await withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("cwsync.sqlite").path
            try bytes.write(to: URL(fileURLWithPath: path))
            let before = fileFingerprint(path)
            let failure = #expect(throws: StoreError.self) { try CoinWeightStore(path: path) }
            guard case .notADatabase = failure else {
                Issue.record("expected notADatabase, got \(String(describing: failure))")
                return
            }
            #expect(fileFingerprint(path) == before)
        }
    }

    @Test("an older store migrates in one transaction: all new files or none")
    func olderMigratesAtomically() async throws {
        try await withTemporaryDirectory { folder in
            let schema = folder.appendingPathComponent("schema")
            try FileManager.default.createDirectory(at: schema, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: repositorySchemaFolder.appendingPathComponent("0001_initial.sql"), to: schema.appendingPathComponent("0001_initial.sql"))
            let path = folder.appendingPathComponent("old.sqlite").path
            let queue = try DatabaseQueue(path: path)
            let v1 = try SchemaMigrator(files: SchemaFile.load(from: schema))
            try await queue.writeWithoutTransaction { db in _ = try v1.migrate(db, path: path, now: Date()) }

            try "ALTER TABLE \"order\" ADD COLUMN note TEXT;".write(to: schema.appendingPathComponent("0002_note.sql"), atomically: true, encoding: .utf8)
            try "CREATE TABLE broken (;".write(to: schema.appendingPathComponent("0003_broken.sql"), atomically: true, encoding: .utf8)
            let failing = SchemaMigrator(files: try SchemaFile.load(from: schema))
            await #expect(throws: DatabaseError.self) { try await queue.writeWithoutTransaction { try failing.migrate($0, path: path, now: Date()) } }
            let columns = try await queue.read { db in try db.columns(in: "order").map(\.name) }
            #expect(!columns.contains("note"), "0002 was rolled back with 0003")
            #expect(try await queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == 1)

            try FileManager.default.removeItem(at: schema.appendingPathComponent("0003_broken.sql"))
            let v2 = try SchemaMigrator(files: SchemaFile.load(from: schema))
            let applied = try await queue.writeWithoutTransaction { db in try v2.migrate(db, path: path, now: Date()) }
            #expect(applied == [2])
            #expect(try await queue.read { db in try db.columns(in: "order").map(\.name) }.contains("note"))
            #expect(try await queue.read { db in try Int.fetchAll(db, sql: "SELECT version FROM schema_migration ORDER BY version") } == [1, 2])
        }
    }

    @Test("a version-1 store with a queued write opens at the latest version with the write and its rows kept")
    func version1Upgrades() async throws {
        try await withTemporaryDirectory { folder in
            let schema = folder.appendingPathComponent("schema")
            try FileManager.default.createDirectory(at: schema, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: repositorySchemaFolder.appendingPathComponent("0001_initial.sql"), to: schema.appendingPathComponent("0001_initial.sql"))
            let path = folder.appendingPathComponent("v1.sqlite").path
            let queue = try DatabaseQueue(path: path)
            let v1 = try SchemaMigrator(files: SchemaFile.load(from: schema))
            try await queue.writeWithoutTransaction { db in _ = try v1.migrate(db, path: path, now: Date()) }
            try await queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO outbox (uid, kind, entity, payload_json, undo_json, state, created_at, next_attempt_at)
                        VALUES ('2', 'addFavorite', 'favorite:okcoin:BTC-USDT', '{"addFavorite":{"_0":{"counterParty":"okcoin","symbol":"BTC-USDT"}}}',
                                '{"favorite":{"uid":"2","pair":{"counterParty":"okcoin","symbol":"BTC-USDT"}}}', 'pending', 1, 1)
                        """)
            }
            try queue.close()

            let store = try CoinWeightStore(path: path)
            defer { try? store.close() }
            #expect(store.schemaVersion == (try SchemaFile.embedded().count))
            let entries = try await store.read(.outbox())
            #expect(entries.map(\.write) == [.addFavorite(MarketPair(counterParty: "okcoin", symbol: "BTC-USDT"))])
            #expect(entries.first?.deadline == nil && entries.first?.firstSentAt == nil)
            #expect(try await store.read(.createdServerIDs).isEmpty)
        }
    }

    @Test("misnamed or gapped schema files are a packaging error")
    func badFiles() async throws {
        try await withTemporaryDirectory { folder in
            try "SELECT 1;".write(to: folder.appendingPathComponent("0001_a.sql"), atomically: true, encoding: .utf8)
            try "SELECT 1;".write(to: folder.appendingPathComponent("0003_c.sql"), atomically: true, encoding: .utf8)
            #expect(throws: StoreError.self) { try SchemaFile.load(from: folder) }
            try FileManager.default.removeItem(at: folder.appendingPathComponent("0003_c.sql"))
            try "SELECT 1;".write(to: folder.appendingPathComponent("two.sql"), atomically: true, encoding: .utf8)
            #expect(throws: StoreError.self) { try SchemaFile.load(from: folder) }
        }
    }
}
