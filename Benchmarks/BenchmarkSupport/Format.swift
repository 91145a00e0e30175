import Foundation

/// How the reports write numbers.
public enum Format {
    /// A count with thousands separators: `1000000` as `1,000,000`.
    public static func grouped(_ value: Int) -> String {
        let digits = Array(String(value.magnitude))
        let groups = stride(from: digits.count, to: 0, by: -3).reversed().map { end in String(digits[max(0, end - 3)..<end]) }
        return (value < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    /// `value` with `digits` digits after the point.
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    /// A rate in whole orders per second, `142,311`.
    public static func rate(_ perSecond: Double) -> String {
        grouped(Int(perSecond.rounded()))
    }

    /// A duration in whole microseconds, `412 µs`.
    public static func microseconds(_ duration: Duration) -> String {
        "\(grouped(Int(duration.microseconds.rounded()))) µs"
    }

    /// A size in mebibytes with one decimal, `153.2 MiB`.
    public static func mebibytes(_ bytes: Int64) -> String {
        "\(fixed(Double(bytes) / 1_048_576, 1)) MiB"
    }

    /// A ratio, `0.62×`.
    public static func ratio(_ value: Double) -> String {
        "\(fixed(value, 2))×"
    }
}
