import Foundation

/// The machine the benchmark ran on and the `sqlite3` CLI it compared with.
struct MachineInfo {
    /// `uname -a`.
    var uname: String
    /// `nproc`.
    var processors: String
    /// `sqlite3 --version`.
    var cliSQLite: String

    /// Asks `uname`, `nproc` and `cli`.
    static func current(cli: SQLiteCLI) throws -> MachineInfo {
        MachineInfo(uname: try Command("uname").run(["-a"]).output, processors: try Command("nproc").run([]).output, cliSQLite: try cli.version())
    }

    /// The 1, 5 and 15-minute load averages of `/proc/loadavg`, `0.12 0.30 0.25`: other work
    /// on the machine skews the timings. `nil` where there is no `/proc` (macOS).
    static func loadAverage() -> String? {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return nil }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}
