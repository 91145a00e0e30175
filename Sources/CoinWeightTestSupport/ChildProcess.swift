import CTestSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A program started with `posix_spawn` and reaped with `waitpid`.
///
/// Tests, campaigns and benchmarks start every child through this, never through Foundation's
/// `Process`: on Linux its `run()` reads `/proc/self/fd` with an over-read that crashes the
/// parent now and then (swift-corelibs-foundation PR 5472, not in Swift 6.3), and its
/// `waitUntilExit()` notices an exit only on a 50 ms run-loop poll. The child gets only its
/// three standard descriptors: every other descriptor of this process is closed in it, so a
/// pipe or socket of one test never stays open in another test's child.
public final class ChildProcess: @unchecked Sendable {
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
    private let lock = NSLock()
    private var ended: Exit?
    /// The write end of the child's standard input, when it is held open.
    private var lifeline: Int32?

    private init(pid: pid_t, launched: ContinuousClock.Instant, lifeline: Int32?) {
        self.pid = pid
        self.launched = launched
        self.lifeline = lifeline
    }

    deinit {
        if let lifeline { close(lifeline) }
    }

    /// Starts `path` with `arguments`.
    /// - Parameters:
    ///   - environment: the child's whole environment; this process's when `nil`.
    ///   - input: the file its standard input reads (else `/dev/null`).
    ///   - holdingInputOpen: its standard input is instead a pipe that this object holds open
    ///     until the child is reaped: when this process ends, however it ends, the child reads
    ///     end of file.
    ///   - output: the file its standard output goes to, created or truncated (else `/dev/null`).
    ///   - errors: the same for standard error; the same URL as `output` shares one file.
    ///   - passing: descriptors of this process the child gets as its descriptors 3, 4...,
    ///     in that order (a pipe to talk to it on, say); every other one stays closed in it.
    /// - Throws: ``SpawnFailure`` when it cannot be started.
    public static func spawn(
        _ path: String, _ arguments: [String], environment: [String: String]? = nil,
        input: URL? = nil, holdingInputOpen: Bool = false, output: URL? = nil, errors: URL? = nil, passing: [Int32] = []
    ) throws -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Copies above any number they are to get first, so that no dup2 overwrites another's source.
        let lifted = passing.map { fcntl($0, F_DUPFD_CLOEXEC, 100) }
        defer { for descriptor in lifted where descriptor >= 0 { close(descriptor) } }
        guard !lifted.contains(-1) else { throw SpawnFailure(command: path, reason: String(cString: strerror(errno))) }
        for (index, descriptor) in lifted.enumerated() { posix_spawn_file_actions_adddup2(&actions, descriptor, Int32(3 + index)) }
        var lifeline: (read: Int32, write: Int32)?
        if holdingInputOpen {
            var ends: [Int32] = [-1, -1]
            guard cw_pipe_cloexec(&ends) == 0 else { throw SpawnFailure(command: path, reason: String(cString: strerror(errno))) }
            lifeline = (ends[0], ends[1])
            posix_spawn_file_actions_adddup2(&actions, ends[0], 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, input?.path ?? "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 1, output?.path ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if let errors, errors == output {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, errors?.path ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        #if canImport(Darwin)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_CLOEXEC_DEFAULT))
        #else
            cw_spawn_file_actions_addclosefrom(&actions, Int32(3 + passing.count))
        #endif

        let argv = ([path] + arguments).map { strdup($0) }
        defer { for argument in argv { free(argument) } }
        let envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } }
        defer { for variable in envp ?? [] { free(variable) } }
        var pid: pid_t = 0
        let launched = ContinuousClock.now
        let result: Int32 =
            if let envp { posix_spawn(&pid, path, &actions, &attributes, argv + [nil], envp + [nil]) } else {
                posix_spawn(&pid, path, &actions, &attributes, argv + [nil], environ)
            }
        if let lifeline { close(lifeline.read) }
        guard result == 0 else {
            if let lifeline { close(lifeline.write) }
            throw SpawnFailure(command: ([path] + arguments).joined(separator: " "), reason: String(cString: strerror(result)))
        }
        return ChildProcess(pid: pid, launched: launched, lifeline: lifeline?.write)
    }

    /// Starts the program as ``spawn(_:_:environment:input:holdingInputOpen:output:errors:)``
    /// does and waits for its exit.
    /// - Returns: how it ended and the wall time from just before launch to its exit.
    public static func run(_ path: String, _ arguments: [String], input: URL? = nil, output: URL? = nil, errors: URL? = nil) throws -> (
        exit: Exit, elapsed: Duration
    ) {
        let child = try spawn(path, arguments, input: input, output: output, errors: errors)
        let exit = child.wait()
        return (exit, child.launched.duration(to: .now))
    }

    /// This process's environment with `changes` over it, for ``spawn(_:_:environment:input:holdingInputOpen:output:errors:)``.
    public static func environment(adding changes: [String: String]) -> [String: String] {
        ProcessInfo.processInfo.environment.merging(changes) { $1 }
    }

    /// How it ended, once it has been reaped.
    public var exit: Exit? { lock.withLock { ended } }

    /// Whether it has not ended yet (reaping it if it has).
    public var isRunning: Bool {
        guard exit == nil else { return false }
        var status: Int32 = 0
        let reaped = waitpid(pid, &status, WNOHANG)
        if reaped == pid { record(status) }
        return reaped == 0
    }

    /// Blocks until the child exits and reaps it; at once if it was reaped before.
    @discardableResult
    public func wait() -> Exit {
        if let exit { return exit }
        var status: Int32 = 0
        var reaped: pid_t
        repeat { reaped = waitpid(pid, &status, 0) } while reaped == -1 && errno == EINTR
        if reaped == pid { record(status) }
        // ECHILD: another thread's `isRunning` reaped it a moment ago and is recording it.
        while exit == nil { usleep(1_000) }
        return exit!
    }

    /// Waits for the exit on a thread of its own: the test's concurrency pool (two threads on
    /// a two-core machine, which an in-process emulator answers on) is never held by a wait.
    @discardableResult
    public func exited() async -> Exit {
        if let exit { return exit }
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: self.wait()) }
        }
    }

    /// Sends `signal` (`SIGTERM`, …) to the child, unless it was reaped already (its pid may
    /// belong to another process by then).
    public func send(_ signal: Int32) {
        lock.withLock {
            if ended == nil { _ = deliver(signal, to: pid) }
        }
    }

    /// SIGKILL, then reaps it: for the clean-up path of a test that stopped half-way.
    public func kill() {
        send(SIGKILL)
        wait()
    }

    private func record(_ status: Int32) {
        lock.withLock {
            ended = status & 0x7f == 0 ? .status((status >> 8) & 0xff) : .signal(status & 0x7f)
            if let lifeline { close(lifeline) }
            lifeline = nil
        }
    }
}

/// `kill(2)`, out of reach of ``ChildProcess/kill()``'s name.
private func deliver(_ signal: Int32, to pid: pid_t) -> Int32 { kill(pid, signal) }

/// A child process that could not be started.
public struct SpawnFailure: Error, CustomStringConvertible {
    public let command: String
    public let reason: String
    public var description: String { "could not start \(command): \(reason)" }
}
