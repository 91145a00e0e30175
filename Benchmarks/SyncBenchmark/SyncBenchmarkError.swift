/// Why `sync-benchmark` stopped, for the causes only it has; the shared ones are ``BenchmarkError``s.
enum SyncBenchmarkError: Error, CustomStringConvertible {
    /// The emulator process ended, or printed something else, before its base URL.
    case emulatorDidNotStart(String)
    /// The sync did not end in `.synced`; the outcome says why.
    case syncFailed(String)

    var description: String {
        switch self {
        case .emulatorDidNotStart(let output):
            "the emulator process did not print its base URL; it printed: \(output)"
        case .syncFailed(let outcome):
            "the order history did not sync: \(outcome)"
        }
    }
}
