import Foundation

/// Every file below a folder with its bytes (and every folder, with none): equal snapshots
/// mean nothing was written, renamed or left beside a store (`-wal`, `-shm`, `.lock`).
public struct FolderSnapshot: Equatable {
    /// Relative path to contents; `nil` for a folder.
    public let entries: [String: Data?]

    public init(_ folder: URL) {
        var entries: [String: Data?] = [:]
        let base = folder.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            let path = url.standardizedFileURL.path
            let relative = path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            entries[relative] = isFolder.boolValue ? .some(nil) : .some(FileManager.default.contents(atPath: path))
        }
        self.entries = entries
    }

    /// What differs from `other`, by path, for a failure message.
    public func changes(since other: FolderSnapshot) -> [String] {
        Set(entries.keys).union(other.entries.keys).sorted().filter { entries[$0] != other.entries[$0] }
    }
}
