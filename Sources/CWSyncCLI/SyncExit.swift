/// The exit statuses of the commands that talk to the server, so a script can tell the
/// outcomes apart.
enum SyncExit: Int32 {
    /// Everything synced and every due write was delivered.
    case ok = 0
    /// The command failed: the server refused it (a wrong password, say), or its answer
    /// could not be read. The message says which.
    case failed = 1
    /// Some resources or writes failed; the rest went through (`cwsync status` says which).
    case partial = 3
    /// The server could not be reached at all; nothing changed but the saved errors.
    case offline = 4
    /// No session, or the server refused it: run `cwsync login`.
    case authRequired = 5
    /// Interrupted (SIGINT, Ctrl-C): what synced before stays, the rest keeps its last sync.
    case interrupted = 130
}
