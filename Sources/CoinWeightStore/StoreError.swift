public import Foundation

/// Why a store could not be opened or used. Every case leaves the file as it was.
public enum StoreError: Error, Sendable, Hashable {
    /// The file was written by a newer version (schema `found`, this build knows up to `supported`).
    case newerSchema(path: String, found: Int, supported: Int)
    /// The file is not an SQLite database, or is damaged.
    case notADatabase(path: String, reason: String)
    /// The file could not be read now (busy for longer than the wait, or an I/O error); it may
    /// well be sound.
    case unavailable(path: String, reason: String)
    /// A file of the store could not be created, or made private to its owner (mode 0600).
    case notPrivate(path: String, reason: String)
    /// The schema files compiled into this build are missing or misnumbered: a packaging bug.
    case invalidSchemaFiles(String)
    /// A value in the store cannot be read back (a decimal that is not one, say): the file was
    /// changed by something other than this library.
    case corruptValue(table: String, column: String, value: String)
}

extension StoreError: CustomStringConvertible, LocalizedError {
    /// What went wrong, in words a user can act on: what was left as it was, and what to do.
    public var description: String {
        switch self {
        case .newerSchema(let path, let found, let supported):
            "\(path) was written by a newer version (schema version \(found); this one knows up to \(supported)). Nothing was changed: open it with that version, or use another store."
        case .notADatabase(let path, let reason):
            "\(path) is not a mirror store or is damaged (\(reason)). Nothing was changed: move it aside and sync again to rebuild the mirror; writes still queued in it cannot be read by this build."
        case .unavailable(let path, let reason):
            "\(path) could not be read just now (\(reason)). Nothing was changed: another process may hold it (a daemon starting up after a crash, say); try again, and check the store for damage if it keeps failing."
        case .notPrivate(let path, let reason):
            "\(path): \(reason). Nothing was read from it: check that the file and its folder belong to you."
        case .invalidSchemaFiles(let reason):
            "the store's schema files are unusable (\(reason)); this build is broken: reinstall it."
        case .corruptValue(let table, let column, let value):
            "the store holds a value this version cannot read (\(table).\(column) = \"\(value.prefix(40))\"). Check the store for damage; if it has some, move it aside and sync again."
        }
    }

    /// The same text as ``description``, for `localizedDescription`.
    public var errorDescription: String? { description }
}
