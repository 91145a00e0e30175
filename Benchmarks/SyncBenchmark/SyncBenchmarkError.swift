/// Why `sync-benchmark` stopped, for the causes only it has; the shared ones are ``BenchmarkError``s.
enum SyncBenchmarkError: Error, CustomStringConvertible {
    /// The sync did not end in `.synced`; the outcome says why.
    case syncFailed(String)

    var description: String {
        switch self {
        case .syncFailed(let outcome):
            "the order history did not sync: \(outcome)"
        }
    }
}
