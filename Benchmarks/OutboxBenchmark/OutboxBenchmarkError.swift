/// Why `outbox-benchmark` stopped, for the causes only it has; the shared ones are ``BenchmarkError``s.
enum OutboxBenchmarkError: Error, CustomStringConvertible {
    /// The wal-index file is missing, short, or not of the version SQLite writes.
    case walIndexUnreadable(String)
    /// The store does not hold what the enqueues should have left: `expected` pending entries.
    case enqueuesFolded(expected: Int, pending: Int)
    /// A delivery pass did not deliver its whole round; the report says what happened instead.
    case deliveryIncomplete(round: Int, expected: Int, report: String)
    /// The emulator's favorites after the run are not what the writes make of them.
    case favoritesDiffer(expected: Int, found: Int)

    var description: String {
        switch self {
        case .walIndexUnreadable(let file):
            "\(file) is not a wal-index SQLite can have written (missing, short, or another version)"
        case .enqueuesFolded(let expected, let pending):
            "the outbox holds \(pending) pending entries after \(expected) enqueues of distinct favorites"
        case .deliveryIncomplete(let round, let expected, let report):
            "round \(round): the outbox did not deliver its \(expected) writes: \(report)"
        case .favoritesDiffer(let expected, let found):
            "the emulator's favorites for abc after the run (\(found)) are not those the writes leave (\(expected))"
        }
    }
}
