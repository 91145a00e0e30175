import Foundation

/// The machine a benchmark ran on and the `sqlite3` CLI it compared with.
public struct MachineInfo: Sendable {
    /// `uname -a`.
    public var uname: String
    /// `nproc`.
    public var processors: String
    /// `sqlite3 --version`.
    public var sqlite3: String

    /// Asks `uname`, `nproc` and `sqlite3`.
    public static func current(sqlite3: SQLiteCLI) throws -> MachineInfo {
        MachineInfo(uname: try Program("uname").run(["-a"]).output, processors: try Program("nproc").run([]).output, sqlite3: try sqlite3.version())
    }

    /// The machine for a report: `` `Linux vm …` ``; 2 processors (`nproc`).
    public var markdown: String { "`\(uname)`; \(processors) processors (`nproc`)" }

    /// The 1, 5 and 15-minute load averages of `/proc/loadavg`, `0.12 0.30 0.25`: other work on
    /// the machine skews the timings. `nil` where there is no `/proc` (macOS).
    public static func loadAverage() -> String? {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)).map { $0.split(separator: " ").prefix(3).joined(separator: " ") }
    }
}
