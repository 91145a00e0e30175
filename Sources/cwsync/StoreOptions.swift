import ArgumentParser
import CoinWeightStore
import Foundation

/// Where the store is, for the subcommands that open it.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store file (CWSYNC_STORE in the environment changes the default).", valueName: "path"))
    var store: String = StoreOptions.defaultPath()

    /// `CWSYNC_STORE` when it is set and not empty, else ``StoreLocation/defaultPath()``.
    static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["CWSYNC_STORE"], !path.isEmpty { return path }
        return StoreLocation.defaultPath()
    }

    /// Opens the store only if it exists: a command that does not sync must not leave an
    /// empty store behind.
    /// - Throws: ``StoreMissing``, or what ``CoinWeightStore/init(path:now:)`` throws.
    func openExisting() throws -> CoinWeightStore {
        guard FileManager.default.fileExists(atPath: store) else { throw StoreMissing(path: store) }
        return try CoinWeightStore(path: store)
    }
}

/// There is no store file where a command that only reads looked for one.
struct StoreMissing: Error, CustomStringConvertible {
    let path: String

    var description: String { "no store at \(path): run `cwsync sync` first, or pass --store" }
}
