import GRDB

extension StoreQuery {
    /// How many rows the mirror holds of each thing it mirrors, by table name (`order`,
    /// `favorite`, `position`...): for a status screen that lets a user check that a sync
    /// brought what they expect.
    public static var rowCounts: StoreQuery<[String: Int]> {
        StoreQuery<[String: Int]> { db in
            var counts: [String: Int] = [:]
            for table in MirroredTable.names {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(table)\"") ?? 0
            }
            return counts
        }
    }
}
