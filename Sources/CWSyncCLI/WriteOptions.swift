import ArgumentParser
import CoinWeightAPI
import CoinWeightStore
import CoinWeightSync

/// What a write command (`favorite`, `layout set`, `order`, `strategy`, `secret`) takes after
/// its name, and how it reaches the logged-in user: `--store`, `--endpoint`,
/// `--allow-insecure-http` and `--log-level`.
struct WriteOptions: ParsableArguments {
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var endpointOptions: EndpointOptions
    @OptionGroup var global: GlobalOptions

    /// Opens the mirror (the store, a client, the saved session) and runs `body` for the
    /// logged-in user. Nobody logged in is one line on standard error and exit status 5; a
    /// refusal (a ``WriteRefusal``, an ``OutboxError``, a store this build cannot use) is one
    /// line and exit status 1, with nothing queued; a client error is one line and the status
    /// ``CommandFailure`` gives it (4 when the server cannot be reached).
    func run<T>(_ body: (CoinWeightMirror, UserID) async throws -> T) async throws -> T {
        global.bootstrapLogging()
        do {
            return try await CommandFailure.reporting {
                let mirror = try endpointOptions.openMirror(storeOptions)
                defer { try? mirror.store.close() }
                guard let uid = await mirror.session?.uid else {
                    Console.err("cwsync: not logged in: run cwsync login --user NAME")
                    throw ExitCode(SyncExit.authRequired.rawValue)
                }
                return try await body(mirror, uid)
            }
        } catch let refusal as WriteRefusal {
            Console.err("cwsync: \(refusal.message)")
            throw ExitCode(SyncExit.failed.rawValue)
        } catch let error as OutboxError {
            Console.err("cwsync: \(Self.describe(error))")
            throw ExitCode(SyncExit.failed.rawValue)
        }
    }

    /// Queues the write `make` builds for the logged-in user, and prints the entry's id.
    func queue(_ make: (CoinWeightMirror, UserID) async throws -> OutboxWrite) async throws {
        try await run { mirror, uid in
            let id = try await mirror.queue(try await make(mirror, uid))
            Console.out("queued as outbox entry \(id)")
        }
    }

    /// The outbox's refusal in the command line's words.
    private static func describe(_ error: OutboxError) -> String {
        if case .marketOrderWhileOffline = error { return WriteRefusal.marketOffline.message }
        return CommandFailure.withAdvice(error)
    }
}

/// Why a write command queued nothing, said in one line (exit status 1).
struct WriteRefusal: Error {
    let message: String

    init(_ message: String) { self.message = message }

    static let marketOffline = WriteRefusal(
        "a MARKET order is not queued while the server cannot be reached: it would fill at whatever the price is when the network is back; "
            + "retry online, use --type LIMIT, or pass --allow-offline")
}
