/// The headline store's file, in bytes, at three moments of the run.
struct StoreFileSizes {
    /// The database and its WAL right after the upserts (`store.fileSize`).
    var afterUpsert: Int64
    /// The database after `store.close()`: closing the last connection checkpoints the WAL
    /// into the database (no VACUUM) and deletes it.
    var afterClose: Int64
    /// The WAL left after `store.close()`: 0 when it was deleted.
    var walAfterClose: Int64
    /// The database and its WAL after `store.compact()`: VACUUM, then the WAL truncated.
    var afterCompact: Int64
}
