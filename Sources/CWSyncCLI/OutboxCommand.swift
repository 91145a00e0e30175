import ArgumentParser
import CoinWeightAPI
import CoinWeightStore
import CoinWeightSync
import Foundation

/// `cwsync outbox`: the queued writes, and what to do with one that is stuck.
struct OutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "List queued writes; retry a failed one or drop a pending one.",
        subcommands: [List.self, Retry.self, Drop.self]
    )

    /// `cwsync outbox list`: every entry, oldest first, as a table or JSON lines.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the outbox entries, oldest first.")

        @OptionGroup var storeOptions: StoreOptions
        @Option(help: ArgumentHelp("Only the entries of this user.", valueName: "uid")) var uid: String?
        @Option(help: ArgumentHelp("Only entries in these states (pending, sending, delivered, failed, expired), comma-separated.", valueName: "states"))
        var state: String?
        @Flag(help: "One JSON object per line instead of a table.") var json = false
        @OptionGroup var following: FollowOption

        func run() async throws {
            let states = try state.map { text in
                try Set(
                    text.split(separator: ",").map { name in
                        guard let state = OutboxState(rawValue: String(name)) else {
                            throw ValidationError("unknown state \(name): use pending, sending, delivered, failed or expired")
                        }
                        return state
                    })
            }
            let store = try await CommandFailure.reporting { try storeOptions.openExisting() }
            defer { try? store.close() }
            let (uid, json) = (uid.map { UserID($0) }, json)
            let lines: @Sendable ([OutboxEntry]) throws -> [String] = { entries in
                if json { return try entries.map { try OutboxEntrySummary($0).jsonLine() } }
                return OutboxEntrySummary.table(entries.map(OutboxEntrySummary.init)).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
            if following.follow { return try await FollowLoop.run(store) { try lines(try await store.read(.outbox(uid: uid, states: states))) } }
            let entries = try await store.read(.outbox(uid: uid, states: states))
            for line in try lines(entries) { Console.out(line) }
            if !json, let advice = OutboxAdvice.unsent(entries.count { $0.state == .failed || $0.state == .expired }) { Console.err(advice) }
        }
    }

    /// `cwsync outbox retry ID`: queue a failed or expired write again.
    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Queue a failed or expired entry again (an order create gets a new deadline).")

        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The entry's id, as `outbox list` shows it.") var id: Int64

        func run() async throws {
            let mirror = try await CommandFailure.reporting { try storeOptions.openExistingMirror() }
            defer { try? mirror.store.close() }
            try await OutboxCommand.control { try await mirror.retry(id) }
            Console.out("entry \(id) queued again; `cwsync sync` or a running `cwsync run` sends it")
        }
    }

    /// `cwsync outbox drop ID`: take a pending write out, with its optimistic change.
    struct Drop: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Drop a pending entry and roll back its change to the mirror.")

        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The entry's id, as `outbox list` shows it.") var id: Int64

        func run() async throws {
            let mirror = try await CommandFailure.reporting { try storeOptions.openExistingMirror() }
            defer { try? mirror.store.close() }
            try await OutboxCommand.control { try await mirror.drop(id) }
            Console.out("entry \(id) dropped; its change to the mirror is rolled back")
        }
    }

    /// Runs a retry or drop; a refusal is one line on standard error and exit status 1.
    static func control(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let refusal as OutboxControlError {
            Console.err("cwsync: \(CommandFailure.withAdvice(refusal))")
            throw ExitCode(1)
        }
    }
}
