import BenchmarkSupport
import CoinWeightTestSupport

/// Why `cli-benchmark` stopped, for the causes only it has; the shared ones are ``BenchmarkError``s.
enum CLIBenchmarkError: Error, CustomStringConvertible {
    /// The binary of `--cwsync` is not there or not executable.
    case binaryNotFound(String)
    /// A `cwsync` command ended otherwise than with status 0; `errors` is its standard error.
    case commandFailed(String, exit: ChildProcess.Exit, errors: String)
    /// The daemon did not record a success for every resource in time; `status` is the last `status --json`.
    case firstSyncNotDone(seconds: Int, status: String)
    /// The daemon exited before it was stopped.
    case daemonExited(ChildProcess.Exit, errors: String)
    /// `rss-floor` ended, or never said it was ready; with what it printed.
    case floorFailed(String)

    var description: String {
        switch self {
        case .binaryNotFound(let path):
            "\(path) is not an executable: build it with swift build -c release --product cwsync (or rss-floor), or pass its path"
        case .commandFailed(let command, let exit, let errors):
            "\(command) ended with \(exit): \(errors)"
        case .firstSyncNotDone(let seconds, let status):
            "cwsync run had not synced every resource after \(seconds) s; status --json printed: \(status)"
        case .daemonExited(let exit, let errors):
            "cwsync run ended with \(exit) before it was stopped: \(errors)"
        case .floorFailed(let output):
            "rss-floor did not come to rest: \(output)"
        }
    }
}
