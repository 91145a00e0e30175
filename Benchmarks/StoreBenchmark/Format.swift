import Foundation

/// How the report writes numbers.
enum Format {
    /// A non-negative count with thousands separators: `1000000` as `1,000,000`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text += "," }
            text.append(digit)
        }
        return text
    }

    /// `value` with `digits` digits after the point.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    /// A duration in whole microseconds, `412 µs`.
    static func microseconds(_ duration: Duration) -> String {
        "\(Format.grouped(Int(duration.microseconds.rounded()))) µs"
    }

    /// A size in mebibytes with one decimal, `153.2 MiB`.
    static func mebibytes(_ bytes: Int64) -> String {
        "\(fixed(Double(bytes) / 1_048_576, 1)) MiB"
    }

    /// A ratio, `0.62×`.
    static func ratio(_ value: Double) -> String {
        "\(fixed(value, 2))×"
    }
}
