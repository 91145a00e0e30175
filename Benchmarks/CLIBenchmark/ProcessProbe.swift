import BenchmarkSupport
import CoinWeightTestSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What Linux's `/proc/<pid>` says about another process: its state and CPU time (`stat`) and
/// where its resident memory is (`smaps`). Sizes of `status` are ``PeakMemory``'s.
struct ProcessProbe {
    let pid: pid_t

    /// The clock ticks per second of `utime` and `stime`.
    static let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))

    /// The fields of `stat` after the command name: the state is the first, `utime` the 12th,
    /// `stime` the 13th. `nil` when the process is gone.
    private var statFields: [Substring]? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let nameEnd = stat.lastIndex(of: ")")
        else { return nil }
        return stat[stat.index(after: nameEnd)...].split(separator: " ")
    }

    /// Whether the process has exited (a zombie, not reaped yet) or is gone.
    var hasExited: Bool { statFields.map { $0.first == "Z" } ?? true }

    /// User and system CPU time so far, in seconds (`utime + stime`, at the clock tick's
    /// resolution); `nil` when the process is gone.
    var cpuSeconds: Double? {
        guard let fields = statFields, fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Self.ticksPerSecond
    }

    /// `VmRSS` in bytes.
    var residentBytes: Int64? { PeakMemory.statusBytes("VmRSS", of: String(pid)) }

    /// The resident bytes (`Rss` of `smaps`) of each mapped file, and of the anonymous and
    /// special mappings (`[heap]`, `[stack]`, `[anonymous]`), largest first.
    func residentByMapping() -> [(mapping: String, bytes: Int64)] {
        // `String(contentsOfFile:)` stops after the first read of a `/proc` file (its size is 0); read to the end.
        guard let data = FileHandle(forReadingAtPath: "/proc/\(pid)/smaps")?.readDataToEndOfFile() else { return [] }
        let smaps = String(decoding: data, as: UTF8.self)
        var totals: [String: Int64] = [:]
        var current = "[anonymous]"
        for line in smaps.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if let range = fields.first, range.contains("-"), range.first?.isHexDigit == true, fields.count >= 5 {
                current = fields.count > 5 ? fields[5...].joined(separator: " ") : "[anonymous]"
            } else if fields.first == "Rss:", fields.count > 1, let kilobytes = Int64(fields[1]) {
                totals[current, default: 0] += kilobytes * 1_024
            }
        }
        return totals.map { ($0.key, $0.value) }.sorted { $0.bytes > $1.bytes }
    }
}
