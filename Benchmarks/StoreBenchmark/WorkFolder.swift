import Foundation

/// Where the CSV file and the databases go: the folder of `--work`, kept afterwards, or a new
/// temporary folder that ``removeIfTemporary()`` removes.
struct WorkFolder {
    let url: URL
    private let isTemporary: Bool

    /// Creates `path` when missing, or a new temporary folder when `path` is `nil`.
    init(path: String?) throws {
        if let path {
            url = URL(fileURLWithPath: path)
            isTemporary = false
        } else {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("store-benchmark-\(UUID().uuidString)")
            isTemporary = true
        }
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The file `name` in the folder.
    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Removes a SQLite database with its `-wal` and `-shm` files, where they exist.
    func removeDatabase(_ database: URL) throws {
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: database.path + suffix) {
            try FileManager.default.removeItem(atPath: database.path + suffix)
        }
    }

    /// Removes the folder and all in it when it is a temporary one.
    func removeIfTemporary() {
        if isTemporary { try? FileManager.default.removeItem(at: url) }
    }

    /// The size of `file` in bytes, 0 when it does not exist.
    static func size(of file: URL) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? NSNumber)?.int64Value ?? 0
    }
}
