import ArgumentParser
import CoinWeightStore

/// An offline query subcommand: reads records from the store and prints them, a table or
/// JSON lines. A conforming command names its ``records(in:)``; ``run()`` does the rest.
protocol QueryCommand: AsyncParsableCommand {
    associatedtype Who: ParsableArguments
    associatedtype Record: QueryRecord

    var query: QueryOptions<Who> { get }

    /// What to print, read from `store`.
    func records(in store: CoinWeightStore) async throws -> [Record]
}

extension QueryCommand {
    func run() async throws {
        try await query.withStore { store in try query.print(try await records(in: store)) }
    }
}
