import ArgumentParser
import CoinWeightAPI
import CoinWeightStore
import CoinWeightSync

/// What a command that reads the store accepts after its name: whom it is about (`Who`:
/// ``UserOption``, ``OwnerOption``, ``ScopeOption`` or ``NoAccount``), then `--store` and
/// `--log-level`.
struct StoreReading<Who: ParsableArguments>: ParsableArguments {
    @OptionGroup var who: Who
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var global: GlobalOptions

    /// Runs `body` on the existing store, never the network. A missing store is not created;
    /// it, a store this build cannot open, or nobody logged in is one line on standard error
    /// and a non-zero exit status.
    func withStore(_ body: (CoinWeightStore) async throws -> Void) async throws {
        global.bootstrapLogging()
        do {
            try await CommandFailure.reporting {
                let store = try storeOptions.openExisting()
                defer { try? store.close() }
                try await body(store)
            }
        } catch let failure as QueryFailure {
            Console.err("cwsync: \(failure.message)")
            throw ExitCode(failure.status.rawValue)
        }
    }

    /// The logged-in user, from the session file beside the store.
    /// - Throws: ``QueryFailure`` naming `alternatives`, the ways to do without a session.
    func loggedInUser(orPass alternatives: String) throws -> UserID {
        guard let session = SessionFile(besideStore: storeOptions.store).load() else {
            throw QueryFailure("not logged in: pass \(alternatives), or run cwsync login --user NAME", status: .authRequired)
        }
        return session.uid
    }
}

/// What an offline query of the store accepts after its name: ``StoreReading``'s options, and
/// `--json`.
struct QueryOptions<Who: ParsableArguments>: ParsableArguments {
    @OptionGroup var reading: StoreReading<Who>
    @Flag(help: "One JSON object per line, with the API's field names, instead of a table.") var json = false

    var who: Who { reading.who }

    /// ``StoreReading/withStore(_:)``.
    func withStore(_ body: (CoinWeightStore) async throws -> Void) async throws { try await reading.withStore(body) }

    /// Prints `records`: one JSON object per line with `--json`, else a table with a header.
    func print<Record: QueryRecord>(_ records: [Record]) throws {
        for line in try QueryOutput.lines(records, json: json) { Console.out(line) }
    }
}

/// Why a query cannot run, said in one line.
struct QueryFailure: Error {
    let message: String
    let status: SyncExit

    init(_ message: String, status: SyncExit = .failed) {
        self.message = message
        self.status = status
    }
}

/// What a query prints, as lines: one JSON object per record, or a table with a header.
enum QueryOutput {
    static func lines<Record: QueryRecord>(_ records: [Record], json: Bool) throws -> [String] {
        if json { return try records.map { try JSONLine.text($0) } }
        return TextTable(header: Record.header, rows: records.flatMap(\.tableRows)).text.split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
    }
}
