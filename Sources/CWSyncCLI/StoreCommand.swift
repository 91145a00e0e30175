import ArgumentParser
import CoinWeightStore
import Foundation

/// `cwsync store`: look after the local store.
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Inspect, check, compact or reset the local store.",
        subcommands: [Info.self, Check.self, Compact.self, Reset.self]
    )

    /// `cwsync store info`: where the store is, its schema version and size.
    struct Info: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the store's path, schema version and size.")

        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            let store = try await CommandFailure.reporting { try storeOptions.openExisting() }
            defer { try? store.close() }
            Console.out("path: \(store.path)")
            Console.out("schema version: \(store.schemaVersion)")
            Console.out("size: \(store.fileSize) bytes")
        }
    }

    /// `cwsync store check`: SQLite's integrity check; exits 1 when it finds damage.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check the store's integrity; exit status 1 if it is damaged.")

        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            let store = try await CommandFailure.reporting { try storeOptions.openExisting() }
            defer { try? store.close() }
            let problems = try await store.checkIntegrity()
            guard !problems.isEmpty else {
                Console.out("ok: \(store.path)")
                return
            }
            for problem in problems { Console.err(problem) }
            Console.err("\(store.path) is damaged. Move it aside and sync again to rebuild the mirror.")
            throw ExitCode(1)
        }
    }

    /// `cwsync store compact`: rebuilds the file without its free space.
    struct Compact: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rebuild the store without its free space (VACUUM).")

        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            let store = try await CommandFailure.reporting { try storeOptions.openExisting() }
            defer { try? store.close() }
            let (before, after) = try await store.compact()
            Console.out("compacted \(store.path): \(before) -> \(after) bytes")
        }
    }

    /// `cwsync store reset`: the mirror starts over; the session and the queued writes stay.
    struct Reset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Drop every mirrored row and sync cursor; keep the session and the writes not yet delivered.",
            discussion: "The next sync pulls everything again, the whole order history included.")

        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            let store = try await CommandFailure.reporting { try storeOptions.openExisting() }
            defer { try? store.close() }
            if let pid = StoreLock.holder(store: store.path) {
                Console.err("cwsync: a cwsync run (pid \(pid)) serves \(store.path): stop it first")
                throw ExitCode(1)
            }
            try await store.resetMirror()
            let waiting = try await store.read(.outbox(states: [.pending, .sending])).count
            Console.out("reset \(store.path): the mirror is empty until the next sync; \(waiting) queued write\(waiting == 1 ? "" : "s") kept")
        }
    }
}
