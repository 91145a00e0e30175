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

/// `cwsync logout [--forget [--discard-queued]]`: forgets the session; with `--forget`, the
/// account's mirrored data too.
struct LogoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logout", abstract: "Forget the saved session; the local data stays unless --forget.",
        discussion:
            "With --forget (sign-out on a shared device) the account's mirrored rows, cursors and outbox entries go too; the symbols config and the defaults stay."
    )

    @Flag(help: "Also remove everything the store holds of this account.") var forget = false
    @Flag(help: "With --forget: also drop writes the server has not confirmed yet.") var discardQueued = false
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if discardQueued && !forget { throw ValidationError("--discard-queued goes with --forget.") }
    }

    func run() async throws {
        let file = SessionFile(besideStore: storeOptions.store)
        let had = file.load() != nil
        guard forget, FileManager.default.fileExists(atPath: storeOptions.store) else {
            try file.delete()
            Console.out(had ? "logged out" : "not logged in")
            return
        }
        let identity = try await CommandFailure.reporting { try CoinWeightStore.identity(at: storeOptions.store) }
        let mirror = try await CommandFailure.reporting { try storeOptions.openExistingMirror() }
        defer { try? mirror.store.close() }
        do {
            try await mirror.forgetAccount(discardingQueued: discardQueued)
        } catch MirrorError.undeliveredWrites(let count) {
            Console.err(
                "cwsync: \(count) queued write\(count == 1 ? "" : "s") not on the server yet; nothing was removed: deliver them (cwsync sync), or pass --discard-queued"
            )
            throw ExitCode(SyncExit.failed.rawValue)
        }
        Console.out(
            "logged out; " + (identity.map { "everything of \($0.userName) (uid \($0.uid)) removed from the store" } ?? "the store mirrored no account"))
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
