import Foundation

/// The machine the benchmark ran on and the versions of the two tools it compared with.
struct MachineInfo {
    /// `uname -a`.
    var uname: String
    /// `nproc`.
    var processors: String
    /// The first line of `curl --version`.
    var curl: String
    /// `sqlite3 --version`.
    var sqlite3: String

    /// Asks `uname`, `nproc`, `curl` and `sqlite3`.
    static func current(curl: Program, sqlite3: SQLiteCLI) throws -> MachineInfo {
        let curlVersion = try curl.run(["--version"]).output.split(separator: "\n").first.map(String.init) ?? ""
        return MachineInfo(
            uname: try Program("uname").run(["-a"]).output, processors: try Program("nproc").run([]).output,
            curl: curlVersion, sqlite3: try sqlite3.version())
    }

    /// The 1, 5 and 15-minute load averages of `/proc/loadavg`, `0.12 0.30 0.25`: other work on
    /// the machine skews the timings. `nil` where there is no `/proc` (macOS).
    static func loadAverage() -> String? {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)).map { $0.split(separator: " ").prefix(3).joined(separator: " ") }
    }
}
