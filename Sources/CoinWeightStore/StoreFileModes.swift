import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The modes of a store's files: the owner's alone.
enum StoreFileModes {
    /// The mode of every file of a store: read and write for the owner, nothing for others.
    static let privateMode: mode_t = 0o600

    /// Creates the database file at `path` with mode 0600 when it is missing (SQLite then gives
    /// its `-wal` and `-shm` the same mode), and narrows the database and those files to 0600
    /// where they are wider.
    /// - Returns: the files whose modes were narrowed.
    /// - Throws: ``StoreError/notPrivate(path:reason:)`` when a file cannot be created or changed.
    static func makePrivate(_ path: String) throws -> [String] {
        let created = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, privateMode)
        if created >= 0 {
            close(created)
            return []
        }
        guard errno == EEXIST else { throw failure(path, "cannot create it") }
        var narrowed: [String] = []
        for file in [path, path + "-wal", path + "-shm"] {
            var info = stat()
            guard stat(file, &info) == 0 else { continue }
            guard info.st_mode & 0o077 != 0 else { continue }
            guard chmod(file, privateMode) == 0 else { throw failure(file, "cannot make it readable by its owner only") }
            narrowed.append(file)
        }
        return narrowed
    }

    private static func failure(_ path: String, _ what: String) -> StoreError {
        StoreError.notPrivate(path: path, reason: "\(what) (\(String(cString: strerror(errno))))")
    }
}
