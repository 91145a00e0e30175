import BenchmarkSupport
import CoinWeightTestSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `rss-floor` at rest beside the daemon: the least a process on cwsync's stack holds (a GRDB
/// pool and one request with the default transport), sampled as the daemon is.
struct FloorMeasurement {
    /// How long the floor program may take to print `ready`.
    static let readyLimit = Duration.seconds(30)

    /// The floor at rest after its request.
    var memory: RestingMemory

    /// Runs `floor` on a fresh database of `work` and one request to `endpoint`, then samples it
    /// for `idleSeconds` seconds and kills it.
    static func run(floor: String, endpoint: URL, work: WorkFolder, idleSeconds: Int) async throws -> FloorMeasurement {
        guard FileManager.default.isExecutableFile(atPath: floor) else { throw CLIBenchmarkError.binaryNotFound(floor) }
        let log = work.file("floor.log")
        let process = try ChildProcess.spawn(
            floor, [endpoint.appendingPathComponent("config/symbols").absoluteString, try work.freshFile("floor.sqlite").path], output: log, errors: log)
        var output: String { ((try? String(contentsOf: log, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        defer {
            process.send(SIGKILL)
            _ = process.wait()
        }
        let probe = ProcessProbe(pid: process.pid)
        while !output.hasPrefix("ready") {
            guard !probe.hasExited else { throw CLIBenchmarkError.floorFailed(output) }
            guard process.launched.duration(to: .now) < readyLimit else { throw CLIBenchmarkError.floorFailed("not ready after \(readyLimit): \(output)") }
            try await Task.sleep(for: .milliseconds(50))
        }
        Console.progress("floor: ready; sampling it for \(idleSeconds) s")
        let memory = try await RestingMemory.sample(process.pid, seconds: idleSeconds) { CLIBenchmarkError.floorFailed(output) }
        return FloorMeasurement(memory: memory)
    }
}
