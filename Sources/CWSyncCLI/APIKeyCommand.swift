import ArgumentParser
import CoinWeightLocalAPI
import Foundation

/// `cwsync api-key`: prints the store's local API key, the bearer a program on this machine
/// gives `cwsync run --api-port` instead of the account's token; makes it on first use.
struct APIKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api-key",
        abstract: "Print the store's key for the local API of cwsync run --api-port (made on first use).",
        discussion: """
            The key is kept beside the store (STORE.api-key, mode 0600). A client of the local API sends it \
            as "Authorization: Bearer KEY". --renew makes a new one: the old one stops working at once, \
            for a running daemon too.
            """
    )

    @Flag(help: "Make a new key; the old one stops working.") var renew = false
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        guard FileManager.default.fileExists(atPath: storeOptions.store) else {
            Console.err("cwsync: there is no store at \(storeOptions.store): log in first (cwsync login --user NAME), or name one with --store")
            throw ExitCode(SyncExit.failed.rawValue)
        }
        do {
            Console.out(try LocalAPIKey.load(besideStore: storeOptions.store, renew: renew))
        } catch {
            Console.err("cwsync: cannot write the API key beside \(storeOptions.store): \(error)")
            throw ExitCode(SyncExit.failed.rawValue)
        }
    }
}
