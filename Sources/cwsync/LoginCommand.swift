import ArgumentParser
import CoinWeightAPI
import CoinWeightStore
import CoinWeightSync
import Foundation

/// `cwsync login --user NAME`: logs in and saves the session beside the store (mode 0600).
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Log in; the session is saved beside the store, readable only by you.",
        discussion: "The password is asked without echo, or read from the first line of standard input with --password-stdin."
    )

    @Option(help: "The user name.") var user: String
    @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var endpointOptions: EndpointOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        global.bootstrapLogging()
        let password = passwordStdin ? PasswordPrompt.fromStandardInput() : PasswordPrompt.ask("password for \(user): ")
        guard let password, !password.isEmpty else {
            throw ValidationError(passwordStdin ? "no password on standard input" : "no terminal to ask the password on: pass --password-stdin")
        }
        let mirror = try await CommandFailure.reporting {
            // Another user is refused before the store is opened for writing, so it stays byte for byte as it was.
            try CoinWeightStore.identity(at: storeOptions.store)?.require(userName: user, path: storeOptions.store)
            return try endpointOptions.openMirror(storeOptions)
        }
        let session = try await CommandFailure.reporting { try await mirror.login(Credentials(userName: user, password: password)) }
        Console.out("logged in as \(session.userName) (uid \(session.uid)); session saved beside \(mirror.store.path)")
    }
}

/// `cwsync logout`: forgets the session; the mirror's data stays.
struct LogoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logout", abstract: "Forget the saved session; the local data stays.")

    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        let file = SessionFile(besideStore: storeOptions.store)
        let had = file.load() != nil
        try file.delete()
        Console.out(had ? "logged out" : "not logged in")
    }
}

/// `cwsync whoami`: the saved session's user, and when its token expires.
struct WhoamiCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "whoami", abstract: "Show who is logged in, from the saved session.")

    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        guard let session = SessionFile(besideStore: storeOptions.store).load() else {
            Console.err("cwsync: not logged in: run cwsync login --user NAME")
            throw ExitCode(SyncExit.authRequired.rawValue)
        }
        let expiry = session.authToken.expiresAt.map { $0 < Date() ? "expired \($0)" : "valid until \($0)" } ?? "no expiry in the token"
        Console.out("\(session.userName) (uid \(session.uid), group \(session.group)); token \(expiry)")
    }
}
