import BenchmarkSupport
import Foundation

/// One run of `peer-sync.py`, the hand-written script the first sync is compared with: one
/// kept-alive connection, `json`, and `sqlite3` with one `executemany` and one commit a page.
struct PeerSync {
    var orders: Int
    var requests: Int
    /// Its own wall time, first request to last commit (interpreter start-up not counted).
    var elapsed: Duration
    /// Its user and system CPU time over the same span.
    var cpu: Duration

    private struct Line: Decodable {
        var orders: Int
        var requests: Int
        var seconds: Double
        var cpuSeconds: Double
    }

    /// Runs the script against `baseURL` as `token` for `owner`'s history, into a fresh
    /// database at `database`, with the sync's horizon, window and page size.
    static func run(python: Program, baseURL: URL, token: String, owner: String, database: URL, windowDays: Int) throws -> PeerSync {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("peer-sync.py").path
        let (output, _) = try python.run([script, baseURL.absoluteString, token, owner, database.path, "90", String(windowDays), "1000"])
        guard let last = output.split(separator: "\n").last, let line = try? JSONDecoder().decode(Line.self, from: Data(last.utf8)) else {
            throw BenchmarkError.unexpectedOutput("peer-sync.py", output: output)
        }
        return PeerSync(orders: line.orders, requests: line.requests, elapsed: .seconds(line.seconds), cpu: .seconds(line.cpuSeconds))
    }
}
