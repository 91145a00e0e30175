import ArgumentParser
import CoinWeightAPI

/// Turns the client's errors into one line on standard error and the exit status that
/// tells them apart.
enum CommandFailure {
    /// Runs `body`; a ``CoinWeightError`` becomes its message and an exit status.
    static func reporting<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as CoinWeightError {
            Console.err("cwsync: \(error)")
            throw ExitCode(exit(for: error).rawValue)
        }
    }

    private static func exit(for error: CoinWeightError) -> SyncExit {
        switch error {
        case .authenticationFailed, .notLoggedIn: .authRequired
        case _ where error.isUnreachable: .offline
        default: .failed
        }
    }
}
