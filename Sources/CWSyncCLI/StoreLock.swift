import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The daemon's claim on a store: an exclusive `flock` on `<store>.lock`, held while the
/// process lives and released by the kernel when it dies, however it dies.
package final class StoreLock {
    let path: String
    private let descriptor: Int32

    /// Takes the lock, or throws ``StoreLockError`` naming the process that holds it.
    init(store: String) throws {
        path = store + ".lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw StoreLockError.cannotOpen(path: path, errno: errno) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            close(descriptor)
            throw StoreLockError.held(path: path, pid: holder ?? "?")
        }
        fchmod(descriptor, 0o600)
        ftruncate(descriptor, 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { write(descriptor, $0, strlen($0)) }
    }

    /// The pid of the daemon holding the store's lock, or `nil` when none runs. Takes nothing.
    package static func holder(store: String) -> String? {
        let path = store + ".lock"
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_SH | LOCK_NB) != 0 else {
            flock(descriptor, LOCK_UN)
            return nil
        }
        return (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// Why the daemon could not claim its store.
enum StoreLockError: Error, CustomStringConvertible {
    case cannotOpen(path: String, errno: Int32)
    case held(path: String, pid: String)

    var description: String {
        switch self {
        case .cannotOpen(let path, let code): "cannot open \(path): \(String(cString: strerror(code)))"
        case .held(let path, let pid): "another cwsync run (pid \(pid)) already serves this store (\(path)): stop it first, or pass another --store"
        }
    }
}
