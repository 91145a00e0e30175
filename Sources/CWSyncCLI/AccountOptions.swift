import ArgumentParser
import CoinWeightAPI
import CoinWeightStore

/// `--uid`: whose data a query reads; the logged-in user's by default.
struct UserOption: ParsableArguments {
    @Option(help: ArgumentHelp("The user whose data to show (default: the logged-in user).", valueName: "uid"))
    var uid: String?
}

/// `--owner`: the trading account a query reads; the logged-in user's own by default.
struct OwnerOption: ParsableArguments {
    @Option(help: ArgumentHelp("The trading account, such as 2 or strategy-10 (default: the logged-in user's own).", valueName: "owner"))
    var owner: String?
}

/// `--defaults` or `--uid`: the copy of a resource every user starts with, or a user's own.
struct ScopeOption: ParsableArguments {
    @Flag(help: "Show the defaults every user starts with instead of a user's own copy.") var defaults = false
    @Option(help: ArgumentHelp("The user whose copy to show (default: the logged-in user).", valueName: "uid"))
    var uid: String?

    func validate() throws {
        if defaults, uid != nil { throw ValidationError("--defaults and --uid exclude each other.") }
    }
}

/// No one in particular: for what the store holds for every user (the symbols config).
struct NoAccount: ParsableArguments {}

extension StoreReading where Who == UserOption {
    /// `--uid`, else the logged-in user.
    func user() throws -> UserID { try who.uid.map { UserID($0) } ?? loggedInUser(orPass: "--uid") }
}

extension StoreReading where Who == OwnerOption {
    /// `--owner`, else the logged-in user's own account.
    func owner() throws -> String { try who.owner ?? loggedInUser(orPass: "--owner").ownAccount }
}

extension QueryOptions where Who == UserOption {
    /// ``StoreReading/user()``.
    func user() throws -> UserID { try reading.user() }
}

extension QueryOptions where Who == OwnerOption {
    /// ``StoreReading/owner()``.
    func owner() throws -> String { try reading.owner() }
}

extension StoreReading where Who == ScopeOption {
    /// The defaults with `--defaults`, else the copy of `--uid` or of the logged-in user.
    func scope() throws -> ResourceScope {
        if who.defaults { return .defaults }
        return .user(try who.uid.map { UserID($0) } ?? loggedInUser(orPass: "--uid or --defaults"))
    }
}

extension QueryOptions where Who == ScopeOption {
    /// ``StoreReading/scope()``.
    func scope() throws -> ResourceScope { try reading.scope() }
}
