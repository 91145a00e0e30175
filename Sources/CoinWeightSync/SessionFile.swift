public import CoinWeightAPI
public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The logged-in session, kept in a file only its owner can read (mode 0600), so a daemon
/// can sync after a restart without asking for the password again.
///
/// The file is written to a new name created with mode 0600 and then renamed over the old
/// one: there is no moment at which the token sits in a file others can read.
public struct SessionFile: SessionStore {
    /// The file's path.
    public let path: String

    /// The session file at `path`.
    public init(path: String) { self.path = path }

    /// The session file beside a store: `session.json` in the store's folder.
    public init(besideStore storePath: String) {
        self.init(path: URL(fileURLWithPath: storePath).deletingLastPathComponent().appendingPathComponent("session.json").path)
    }

    /// The saved session, or `nil` when there is none (or it cannot be read).
    public func load() -> Session? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(Session.self, from: data)
    }

    /// Saves `session`, replacing any earlier one.
    public func save(_ session: Session) throws {
        try PrivateFile.write(try JSONEncoder().encode(session), to: path)
    }

    /// Forgets the saved session.
    public func delete() throws {
        guard unlink(path) == 0 || errno == ENOENT else { throw SessionFileError(path: path, errno: errno) }
    }

    /// The file's modification date, `nil` while there is none.
    public var changeMark: Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
}

/// A session file that could not be written or removed.
public struct SessionFileError: Error, CustomStringConvertible {
    /// The file.
    public let path: String
    /// The system's error number.
    public let errno: Int32

    /// The error of a call on `path` that set `errno`.
    public init(path: String, errno: Int32) {
        self.path = path
        self.errno = errno
    }

    /// The failure in words: the file, the system's reason, and what to check.
    public var description: String {
        "cannot write the session file \(path) (\(String(cString: strerror(errno)))): check that its folder exists and is writable by you."
    }
}
