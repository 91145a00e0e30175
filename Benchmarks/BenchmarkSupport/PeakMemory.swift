import Foundation

/// The peak resident set size of a process, from Linux's `/proc`.
public enum PeakMemory {
    /// `VmHWM` of `/proc/<process>/status` in bytes: `"self"` for this process, or a process id.
    /// `nil` where there is no `/proc` (macOS) or the process is gone.
    public static func highWaterBytes(of process: String = "self") -> Int64? {
        guard let status = try? String(contentsOfFile: "/proc/\(process)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return line.split(whereSeparator: \.isWhitespace).dropFirst().first.flatMap { Int64($0) }.map { $0 * 1_024 }
        }
        return nil
    }
}
