import Foundation

/// Where the store, the CSV, the curl config and the CLI database go: the folder of `--work`,
/// kept afterwards, or a new temporary folder that ``removeIfTemporary()`` removes.
struct WorkFolder {
    let url: URL
    private let isTemporary: Bool

    /// Creates `path` when missing, or a new temporary folder when `path` is `nil`.
    init(path: String?) throws {
        isTemporary = path == nil
        url = path.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("sync-benchmark-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The file `name` in the folder, removed first (with its `-wal` and `-shm` files) so a
    /// kept `--work` folder starts each run afresh.
    func freshFile(_ name: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: file.path + suffix) {
            try FileManager.default.removeItem(atPath: file.path + suffix)
        }
        return file
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
