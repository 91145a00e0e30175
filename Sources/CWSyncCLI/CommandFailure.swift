import ArgumentParser
import CoinWeightAPI
import CoinWeightStore
import CoinWeightSync

/// Turns the client's and the store's errors into one line on standard error and the exit
/// status that tells them apart.
package enum CommandFailure {
    /// Runs `body`; a ``CoinWeightError`` becomes its message and an exit status, and a store
    /// that cannot be used (missing where it must exist, damaged, newer) its message and 1.
    package static func reporting<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as CoinWeightError {
            Console.err("cwsync: \(withAdvice(error))")
            throw ExitCode(exit(for: error).rawValue)
        } catch let error where error is StoreError || error is StoreMissing || error is MirrorError {
            Console.err("cwsync: \(withAdvice(error))")
            throw ExitCode(SyncExit.failed.rawValue)
        } catch let error as StoreIdentityMismatch {
            Console.err("cwsync: \(Self.describe(error))")
            throw ExitCode(SyncExit.failed.rawValue)
        }
    }

    /// A library error's message, and the command that helps, when one does: the library
    /// speaks of the store and the session, the command line names its commands and flags.
    static func withAdvice(_ error: any Error) -> String {
        if case SyncFailure.client(let error) = error { return withAdvice(error) }
        if case SyncFailure.store(let error) = error { return withAdvice(error) }
        if case OutboxError.symbolsNotSynced = error { return "the symbols config is not synced yet, so the write cannot be checked: run cwsync sync first" }
        let advice: String? =
            switch error {
            case CoinWeightError.notLoggedIn, MirrorError.notLoggedIn: "Run cwsync login --user NAME."
            case StoreError.newerSchema: "Use the newer cwsync, or pass another --store (or CWSYNC_STORE)."
            case StoreError.unavailable, StoreError.corruptValue: "cwsync store check reports damage."
            case OutboxControlError.notFound: "cwsync outbox list shows the entries."
            default: nil
            }
        let message = "\(error)"
        guard let advice else { return message }
        return message + (message.hasSuffix(".") ? " " : ": ") + advice
    }

    /// A store bound to another account or server, and the ways out, in the command line's words.
    static func describe(_ error: StoreIdentityMismatch) -> String {
        let wayOut =
            switch error.asked {
            case .endpoint:
                "Pass another --store (or CWSYNC_STORE) for that server, leave out --endpoint to use this store's own, or free this store with cwsync logout --forget."
            case .user, .uid: "Pass another --store (or CWSYNC_STORE) for that account, or free this store with cwsync logout --forget."
            }
        return "\(error.path) mirrors \(error.bound), not \(error.askedDescription); nothing was sent or changed. \(wayOut)"
    }

    private static func exit(for error: CoinWeightError) -> SyncExit {
        switch error {
        case .authenticationFailed, .notLoggedIn: .authRequired
        case _ where error.gotNoAnswer: .offline
        default: .failed
        }
    }
}
