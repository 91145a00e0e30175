import Foundation

/// The header of a SQLite database's wal-index, the `-shm` file beside it in WAL mode: its
/// change counter counts the store's commits without a hook into the store's connection.
///
/// SQLite's file format (section "The WAL-Index Format") puts the header at the start of the
/// file, in the host's byte order: `iVersion` (3007000) at offset 0 and `iChange`, "incremented
/// with each transaction", at offset 8. Only a transaction that wrote to the WAL counts: one
/// that changed nothing writes no frame and leaves it as it was.
struct WALIndexHeader {
    /// The only wal-index version SQLite writes.
    static let version: UInt32 = 3_007_000

    /// `iChange`: it wraps around at 2³², so subtract with `&-`.
    var changeCounter: UInt32

    /// Reads the header of the wal-index of the database at `path` (the file `path-shm`).
    /// - Throws: ``OutboxBenchmarkError/walIndexUnreadable(_:)`` when it is missing, short, or of another version.
    init(database path: String) throws {
        let file = path + "-shm"
        guard let handle = FileHandle(forReadingAtPath: file) else { throw OutboxBenchmarkError.walIndexUnreadable(file) }
        defer { try? handle.close() }
        let bytes = try handle.read(upToCount: 12) ?? Data()
        guard bytes.count == 12 else { throw OutboxBenchmarkError.walIndexUnreadable(file) }
        let fields = bytes.withUnsafeBytes { raw in (0..<3).map { raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self) } }
        guard fields[0] == Self.version else { throw OutboxBenchmarkError.walIndexUnreadable(file) }
        changeCounter = fields[2]
    }

    /// The commits to the database at `path` since `before` was read.
    static func commits(to path: String, since before: WALIndexHeader) throws -> Int {
        Int(try WALIndexHeader(database: path).changeCounter &- before.changeCounter)
    }
}
