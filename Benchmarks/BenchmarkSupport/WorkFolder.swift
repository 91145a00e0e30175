import Foundation

/// Where a benchmark's CSV files and databases go: the folder of `--work`, kept afterwards, or
/// a new temporary folder that ``removeIfTemporary()`` removes.
public struct WorkFolder: Sendable {
    public let url: URL
    private let isTemporary: Bool

    /// Creates `path` when missing, or, when `path` is `nil`, a new temporary folder named
    /// after `program`.
    public init(path: String?, program: String) throws {
        isTemporary = path == nil
        url =
            path.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("\(program)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The file `name` in the folder.
    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// The file `name` in the folder, removed first (with its `-wal` and `-shm` files) so a
    /// kept `--work` folder starts each run afresh.
    public func freshFile(_ name: String) throws -> URL {
        let file = self.file(name)
        try removeDatabase(file)
        return file
    }

    /// Removes a SQLite database with its `-wal` and `-shm` files, where they exist.
    public func removeDatabase(_ database: URL) throws {
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: database.path + suffix) {
            try FileManager.default.removeItem(atPath: database.path + suffix)
        }
    }

    /// Removes the folder and all in it when it is a temporary one.
    public func removeIfTemporary() {
        if isTemporary { try? FileManager.default.removeItem(at: url) }
    }

    /// The size of `file` in bytes, 0 when it does not exist.
    public static func size(of file: URL) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? NSNumber)?.int64Value ?? 0
    }
}
