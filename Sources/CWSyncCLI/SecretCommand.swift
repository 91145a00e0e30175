import ArgumentParser
import CoinWeightAPI
import CoinWeightStore
import CoinWeightSync

/// `cwsync secret add|remove`: an exchange API key, sent straight to the server. Never
/// queued: the plaintext secret exists only in this process's memory and the one request,
/// never in the store, its WAL or a log.
struct SecretCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secret",
        abstract: "Add or remove an exchange API key; online only, never queued.",
        discussion: "Exit status: 0 done, 1 the server refused it, 4 the server could not be reached, 5 log in first.",
        subcommands: [Add.self, Remove.self]
    )

    /// `cwsync secret add`: the secret key is asked without echo, or read from the first
    /// line of standard input.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register an API key; the secret key is asked without echo, or read from the first line of standard input.")
        @Option(help: ArgumentHelp("The API key (not secret).", valueName: "key")) var apiKey: String
        @OptionGroup var key: SecretKeyOptions

        func run() async throws {
            try await key.change { client, owner in
                let secretKey = PasswordPrompt.ask("secret key for \(apiKey): ") ?? PasswordPrompt.fromStandardInput()
                guard let secretKey, !secretKey.isEmpty else { throw ValidationError("no secret key on standard input") }
                try await client.addSecret(NewSecret(counterParty: key.counterParty, owner: owner, apiKey: apiKey, secretKey: secretKey))
                return "added the \(key.counterParty) API key \(apiKey) of owner \(owner)"
            }
        }
    }

    /// `cwsync secret remove`.
    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an owner's API key for an exchange.")
        @OptionGroup var key: SecretKeyOptions

        func run() async throws {
            try await key.change { client, owner in
                try await client.deleteSecret(SecretReference(counterParty: key.counterParty, owner: owner))
                return "removed the \(key.counterParty) API key of owner \(owner)"
            }
        }
    }
}

/// Which key (the exchange and the trading account), and where to send its change.
struct SecretKeyOptions: ParsableArguments {
    @Option(help: "The exchange, e.g. binance.") var counterParty: String
    @Option(help: ArgumentHelp("The trading account, such as 2 or strategy-10 (default: the logged-in user's own).", valueName: "owner"))
    var owner: String?
    @OptionGroup var options: WriteOptions

    /// Sends the change `body` makes through the client, straight away, for the owner; prints
    /// the line it returns; then reads the owner's keys back into the store.
    func change(_ body: (CoinWeightClient, String) async throws -> String) async throws {
        try await options.run { mirror, uid in
            let owner = owner ?? uid.ownAccount
            Console.out(try await body(mirror.client, owner))
            await refresh(owner: owner, mirror)
        }
    }

    /// Reads the owner's keys again (masked, as the server lists them) into the store, so
    /// `cwsync secrets` shows the change; if that fails, the next sync does it.
    private func refresh(owner: String, _ mirror: CoinWeightMirror) async {
        do {
            _ = try await mirror.refreshSecrets(owner: owner)
        } catch {
            Console.err("cwsync: `cwsync secrets` shows the change after the next sync (reading the keys back failed: \(error))")
        }
    }
}
