import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program started with `posix_spawn` and reaped with `waitpid`, for timing short processes.
///
/// `Program` runs through Foundation's `Process`, whose `waitUntilExit()` notices the exit on
/// a run-loop poll of 50 ms: fine for a `sqlite3` import of seconds, not for a process of a few
/// milliseconds (`/bin/true` timed 50-90 ms that way on the 2-core VM, 1-3 ms this way).
public struct ChildProcess: Sendable {
    /// How a child ended.
    public enum Exit: Sendable, Equatable, CustomStringConvertible {
        case status(Int32)
        case signal(Int32)

        public var description: String {
            switch self {
            case .status(let status): "exit status \(status)"
            case .signal(let signal): "killed by signal \(signal)"
            }
        }
    }

    /// The child's process id.
    public let pid: pid_t
    /// Just before `posix_spawn`.
    public let launched: ContinuousClock.Instant

    /// Starts `path` with `arguments` and this process's environment; its standard input reads
    /// `input` (else `/dev/null`), its standard output and error go to `output` and `errors`
    /// (each created or truncated; else `/dev/null`).
    /// - Throws: ``BenchmarkError/commandFailed(_:status:output:)`` when it cannot be started.
    public static func spawn(_ path: String, _ arguments: [String], input: URL? = nil, output: URL? = nil, errors: URL? = nil) throws -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input?.path ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output?.path ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errors?.path ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([path] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let launched = ContinuousClock.now
        let result = posix_spawn(&pid, path, &actions, nil, argv + [nil], environ)
        guard result == 0 else {
            throw BenchmarkError.commandFailed(([path] + arguments).joined(separator: " "), status: result, output: String(cString: strerror(result)))
        }
        return ChildProcess(pid: pid, launched: launched)
    }

    /// Starts the program as ``spawn(_:_:input:output:errors:)`` does and waits for its exit.
    /// - Returns: how it ended and the wall time from just before launch to its exit.
    public static func run(_ path: String, _ arguments: [String], input: URL? = nil, output: URL? = nil, errors: URL? = nil) throws -> (exit: Exit, elapsed: Duration) {
        let child = try spawn(path, arguments, input: input, output: output, errors: errors)
        let exit = child.wait()
        return (exit, child.launched.duration(to: .now))
    }

    /// Blocks until the child exits and reaps it.
    public func wait() -> Exit {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return status & 0x7f == 0 ? .status((status >> 8) & 0xff) : .signal(status & 0x7f)
    }

    /// Sends `signal` (`SIGTERM`, …) to the child.
    public func send(_ signal: Int32) {
        kill(pid, signal)
    }
}
