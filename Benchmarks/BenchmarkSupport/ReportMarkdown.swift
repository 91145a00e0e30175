import Foundation

/// The lines every benchmark report shares: the title, the run line, the load averages and
/// the targets table.
public enum ReportMarkdown {
    /// How the benchmark was compiled: only release timings mean anything. `subject` names
    /// what was timed, `the store`.
    public static func build(timing subject: String) -> String {
        #if DEBUG
            "a DEBUG build: these timings say little about \(subject)"
        #else
            "release build"
        #endif
    }

    /// `date` as its day in UTC, `2026-11-25`.
    public static func day(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day())
    }

    /// The report's first line: `# Store benchmark, 2026-11-25`.
    public static func title(_ name: String, date: Date) -> String {
        "# \(name), \(day(date))"
    }

    /// The line that says when and how the run was made: the start `date`, the `commandLine`
    /// and the kind of build (see ``build(timing:)``).
    public static func run(date: Date, commandLine: String, timing subject: String) -> String {
        "- Run: \(date.formatted(.iso8601)), `\(commandLine)` (\(build(timing: subject)), from the repository root)."
    }

    /// `load average (1, 5, 15 min) 0.12 0.30 0.25 at the start, 0.20 0.31 0.25 at the end`.
    public static func loadAverages(_ averages: (start: String?, end: String?)) -> String {
        "load average (1, 5, 15 min) \(averages.start ?? "unknown") at the start, \(averages.end ?? "unknown") at the end"
    }

    /// The `## Targets` section: its heading, the table of `rows` (see ``targetRow(_:_:_:)``)
    /// and an empty last line.
    public static func targets(_ rows: [String]) -> [String] {
        ["## Targets", "", "| target | measured | result |", "|---|--:|---|"] + rows + [""]
    }

    /// One row of the targets table: PASS, or a bold FAIL.
    public static func targetRow(_ target: String, _ measured: String, _ passed: Bool) -> String {
        "| \(target) | \(measured) | \(passed ? "PASS" : "**FAIL**") |"
    }
}
