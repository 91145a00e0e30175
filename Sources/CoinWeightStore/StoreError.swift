import Foundation

/// Why a store could not be opened or used. Every case leaves the file as it was.
public enum StoreError: Error, Sendable, Equatable {
    /// The file was written by a newer cwsync (schema `found`, this build knows up to `supported`).
    case newerSchema(path: String, found: Int, supported: Int)
    /// The file is not an SQLite database, or is damaged.
    case notADatabase(path: String, reason: String)
    /// The file could not be read now (busy for longer than the wait, or an I/O error); it may
    /// well be sound.
    case unavailable(path: String, reason: String)
    /// A file of the store could not be created, or made private to its owner (mode 0600).
    case notPrivate(path: String, reason: String)
    /// The schema files bundled with this build are missing or misnumbered: a packaging bug.
    case invalidSchemaFiles(String)
    /// A value in the store cannot be read back (a decimal that is not one, say): the file was
    /// changed by something other than cwsync.
    case corruptValue(table: String, column: String, value: String)
}

extension StoreError: CustomStringConvertible, LocalizedError {
    public var description: String {
        switch self {
        case .newerSchema(let path, let found, let supported):
            "\(path) was written by a newer cwsync (schema version \(found); this one knows up to \(supported)). Nothing was changed: use the newer cwsync, or point this one at another store with --store."
        case .notADatabase(let path, let reason):
            "\(path) is not a cwsync store or is damaged (\(reason)). Nothing was changed: move it aside and sync again to rebuild the mirror; writes still queued in it cannot be read by this build."
        case .unavailable(let path, let reason):
            "\(path) could not be read just now (\(reason)). Nothing was changed: another cwsync may hold it (a daemon starting up after a crash, say); try again, and run `cwsync store check` if it keeps failing."
        case .notPrivate(let path, let reason):
            "\(path): \(reason). Nothing was read from it: check that the file and its folder belong to you."
        case .invalidSchemaFiles(let reason):
            "the store's schema files are unusable (\(reason)); reinstall cwsync."
        case .corruptValue(let table, let column, let value):
            "the store holds a value cwsync cannot read (\(table).\(column) = \"\(value.prefix(40))\"). Run `cwsync store check`; if it reports damage, move the store aside and sync again."
        }
    }

    public var errorDescription: String? { description }
}
