import Foundation

/// The 100-byte header of a SQLite database file (https://www.sqlite.org/fileformat.html).
///
/// The store runs no SQL the benchmark can choose, so `SELECT sqlite_version()` is out of
/// reach; the header names the library that last wrote the file instead.
struct SQLiteFileHeader {
    private let bytes: [UInt8]

    /// Reads the header of `database`; `nil` when the file is not a SQLite database.
    init?(of database: URL) throws {
        let handle = try FileHandle(forReadingFrom: database)
        defer { try? handle.close() }
        let bytes = Array(try handle.read(upToCount: 100) ?? Data())
        guard bytes.count == 100, bytes.starts(with: "SQLite format 3\0".utf8) else { return nil }
        self.bytes = bytes
    }

    /// `SQLITE_VERSION_NUMBER` of the library that last wrote the file (offset 96), as `3.40.1`.
    var writerVersion: String {
        let number = bytes[96..<100].reduce(0) { $0 << 8 | Int($1) }
        return "\(number / 1_000_000).\(number / 1_000 % 1_000).\(number % 1_000)"
    }
}
