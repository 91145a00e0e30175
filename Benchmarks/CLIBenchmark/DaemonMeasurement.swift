import BenchmarkSupport
import CoinWeightSync
import CoinWeightTestSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `cwsync run` at rest: logged in to the emulator, started, its first sync waited for, then
/// its memory sampled once a second and its CPU time counted, then stopped with SIGTERM.
struct DaemonMeasurement {
    /// How often `status --json` is asked while the first sync runs, and for how long at most.
    static let pollInterval = Duration.milliseconds(200)
    static let firstSyncLimit = 120

    /// The `cwsync login` process, launch to exit.
    var login: Duration
    /// From the daemon's launch to the first `status --json` that showed a success for every resource.
    var firstSync: Duration
    /// How many `status --json` processes that took.
    var statusPolls: Int
    /// The daemon at rest after its first sync.
    var memory: RestingMemory
    /// From `kill(SIGTERM)` to the reaped exit, and how it ended.
    var stop: Duration
    var exit: ChildProcess.Exit

    /// Logs user `abc` in to `endpoint` into a fresh store of `work`, runs the daemon on it,
    /// waits for its first sync, samples it for `idleSeconds` seconds and stops it.
    static func run(cwsync: CWSyncBinary, endpoint: URL, work: WorkFolder, idleSeconds: Int) async throws -> DaemonMeasurement {
        let store = try work.freshFile("daemon.sqlite").path
        let password = work.file("password")
        try Data("abc_password\n".utf8).write(to: password)
        let endpointArguments = ["--store", store, "--endpoint", endpoint.absoluteString]
        let login = try cwsync.run(["login", "--user", "abc", "--password-stdin"] + endpointArguments, input: password)

        let log = work.file("daemon.log")
        let daemon = try cwsync.spawn(["run", "--interval", "60"] + endpointArguments, log: log)
        let probe = ProcessProbe(pid: daemon.pid)
        var daemonLog: String { ((try? String(contentsOf: log, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        var stopped = false
        defer {
            if !stopped {
                daemon.send(SIGKILL)
                _ = daemon.wait()
            }
        }

        var polls = 0
        var status = ""
        while !allSynced(status) {
            if probe.hasExited {
                stopped = true
                throw CLIBenchmarkError.daemonExited(daemon.wait(), errors: daemonLog)
            }
            guard daemon.launched.duration(to: .now) < .seconds(firstSyncLimit) else {
                throw CLIBenchmarkError.firstSyncNotDone(seconds: firstSyncLimit, status: status)
            }
            try await Task.sleep(for: pollInterval)
            status = try cwsync.outputOf(["status", "--json", "--store", store])
            polls += 1
        }
        let firstSync = daemon.launched.duration(to: .now)

        Console.progress("daemon: first sync done after \(Format.fixed(firstSync.seconds, 2)) s; sampling it for \(idleSeconds) s")
        let memory = try await RestingMemory.sample(daemon.pid, seconds: idleSeconds) {
            stopped = true
            return CLIBenchmarkError.daemonExited(daemon.wait(), errors: daemonLog)
        }

        let clock = ContinuousClock()
        let stopStart = clock.now
        daemon.send(SIGTERM)
        let exit = daemon.wait()
        let stop = stopStart.duration(to: clock.now)
        stopped = true

        return DaemonMeasurement(login: login, firstSync: firstSync, statusPolls: polls, memory: memory, stop: stop, exit: exit)
    }

    /// Whether one line of `status --json` shows a `lastSuccessAt` for every ``SyncResource``, and
    /// none without: its states are named `orderHistory:2` (per account) or `symbols`.
    static func allSynced(_ status: String) -> Bool {
        struct Status: Decodable {
            struct Resource: Decodable {
                var resource: String
                var lastSuccessAt: Double?
            }
            var resources: [Resource]
        }
        guard let line = status.split(separator: "\n").last(where: { $0.hasPrefix("{") }),
            let decoded = try? JSONDecoder().decode(Status.self, from: Data(line.utf8))
        else { return false }
        let synced = Set(decoded.resources.map { $0.resource.prefix { $0 != ":" } }.map(String.init))
        return decoded.resources.allSatisfy { $0.lastSuccessAt != nil } && SyncResource.allCases.allSatisfy { synced.contains($0.rawValue) }
    }
}
