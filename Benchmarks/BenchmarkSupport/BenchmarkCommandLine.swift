import Foundation

/// The options of one benchmark program, as ``BenchmarkMain`` reads them.
public protocol BenchmarkCommandLine: Sendable {
    /// The text `--help` prints and every command-line error ends with.
    static var usage: String { get }

    /// Reads `arguments` (without the program name); `today` (UTC) names the default report.
    /// - Returns: `nil` when `--help` or `-h` asks for the usage text.
    /// - Throws: ``BenchmarkError/usage(_:usage:)`` for an unknown option or a bad value.
    static func parse(_ arguments: [String], today: Date) throws -> Self?

    /// The Markdown report file.
    var out: String { get }
}

extension BenchmarkCommandLine {
    /// The default report file: `Benchmarks/Results/<stem>-<yyyy-mm-dd>.md`, the day `today` in UTC.
    public static func defaultReport(_ stem: String, today: Date) -> String {
        "Benchmarks/Results/\(stem)-\(ReportMarkdown.day(today)).md"
    }
}
