import Foundation

/// The peak resident set size of this process.
enum PeakMemory {
    /// `VmHWM` of `/proc/self/status`, in bytes; `nil` where there is no `/proc` (macOS).
    static func residentBytes() -> Int64? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int64(line.split(whereSeparator: \.isWhitespace).dropFirst().first ?? "")
        else { return nil }
        return kilobytes * 1_024
    }
}
