import ArgumentParser
import CoinWeightStore
import CoinWeightSync
import Foundation

/// Where the store is, for the subcommands that open it.
package struct StoreOptions: ParsableArguments {
    package init() {}

    @Option(name: .long, help: ArgumentHelp("The store file (CWSYNC_STORE in the environment changes the default).", valueName: "path"))
    var store: String = StoreOptions.defaultPath()

    /// `CWSYNC_STORE` when it is set and not empty, else the checkout's `sync-state/` when
    /// run from one (``CheckoutStore``), else ``StoreLocation/defaultPath(environment:)``.
    package static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["CWSYNC_STORE"], !path.isEmpty { return path }
        return CheckoutStore.path() ?? StoreLocation.defaultPath(environment: environment)
    }

    /// Opens the store only if it exists: a command that does not sync must not leave an
    /// empty store behind.
    /// - Throws: ``StoreMissing``, or what ``CoinWeightStore/init(path:now:)`` throws.
    func openExisting() throws -> CoinWeightStore {
        guard FileManager.default.fileExists(atPath: store) else { throw StoreMissing(path: store) }
        return Self.announcingNarrowed(try CoinWeightStore(path: store))
    }

    /// The mirror of the store, only if it exists, with the store's own endpoint (no request
    /// is made): for a command that changes the outbox alone.
    func openExistingMirror() throws -> CoinWeightMirror {
        guard FileManager.default.fileExists(atPath: store) else { throw StoreMissing(path: store) }
        let mirror = try CoinWeightMirror(storePath: store, defaultBaseURL: URL(string: EndpointOptions.defaultEndpoint))
        _ = Self.announcingNarrowed(mirror.store)
        return mirror
    }

    /// `store`, after a notice on standard error for each of its files that others could
    /// read and that opening made private.
    static func announcingNarrowed(_ store: CoinWeightStore) -> CoinWeightStore {
        for file in store.narrowedFiles {
            Console.err("cwsync: notice: \(file) was readable by other users; it is now readable by you only (mode 0600)")
        }
        return store
    }
}

/// There is no store file where a command that only reads looked for one.
struct StoreMissing: Error, CustomStringConvertible {
    let path: String

    var description: String { "no store at \(path): run `cwsync sync` first, or pass --store" }
}
