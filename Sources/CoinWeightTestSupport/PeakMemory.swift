import Foundation

/// The resident set size of a process, from Linux's `/proc`.
public enum PeakMemory {
    /// `VmHWM` of `/proc/<process>/status` in bytes: `"self"` for this process, or a process id.
    /// `nil` where there is no `/proc` (macOS) or the process is gone.
    public static func highWaterBytes(of process: String = "self") -> Int64? {
        statusBytes("VmHWM", of: process)
    }

    /// A size field of `/proc/<process>/status` in bytes (`VmRSS`, `RssAnon`, `RssFile`, …: the
    /// kernel writes them in kB). `nil` where there is no `/proc`, the process is gone or the
    /// field is not there.
    public static func statusBytes(_ field: String, of process: String = "self") -> Int64? {
        statusValue(field, of: process).map { $0 * 1_024 }
    }

    /// The first number of the line `field:` of `/proc/<process>/status` (`Threads`, or a size in kB).
    public static func statusValue(_ field: String, of process: String = "self") -> Int64? {
        guard let status = try? String(contentsOfFile: "/proc/\(process)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("\(field):") {
            return line.split(whereSeparator: \.isWhitespace).dropFirst().first.flatMap { Int64($0) }
        }
        return nil
    }
}
