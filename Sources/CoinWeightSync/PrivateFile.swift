package import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file only its owner may read (mode 0600, from its creation on), replaced whole.
package enum PrivateFile {
    /// Writes `data` to a new file beside `path`, flushed to disk, then renames it over `path`:
    /// a reader sees the old contents or the new ones, never a part.
    /// - Throws: ``SessionFileError`` for a file that cannot be created or renamed.
    package static func write(_ data: Data, to path: String) throws {
        let temporary = path + ".\(UUID().uuidString).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw SessionFileError(path: temporary, errno: errno) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let failure = SessionFileError(path: path, errno: errno)
            unlink(temporary)
            throw failure
        }
    }
}
