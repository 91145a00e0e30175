/// A benchmark's command line, read one option at a time: `--name value` pairs, and `--help`
/// or `-h` anywhere an option may stand. Its errors carry the program's usage text.
public struct ArgumentReader {
    private var remaining: ArraySlice<String>
    private let usage: String

    /// Reads `arguments` (without the program name); `usage` is the text shown with every error.
    public init(_ arguments: [String], usage: String) {
        remaining = arguments[...]
        self.usage = usage
    }

    /// Whether `option` asks for the usage text: `--help` or `-h`.
    public static func asksForHelp(_ option: String) -> Bool { option == "--help" || option == "-h" }

    /// The next option, `nil` after the last.
    public mutating func nextOption() -> String? { remaining.popFirst() }

    /// The value after `option`.
    /// - Throws: ``BenchmarkError/usage(_:usage:)`` when the command line ends first.
    public mutating func value(of option: String) throws -> String {
        guard let value = remaining.popFirst() else { throw error("\(option) needs a value") }
        return value
    }

    /// `value` of `option` as a positive whole number.
    /// - Throws: ``BenchmarkError/usage(_:usage:)`` for anything else.
    public func positive(_ value: String, of option: String) throws -> Int {
        guard let number = Int(value), number > 0 else { throw error("\(option) takes a positive whole number, not \(value)") }
        return number
    }

    /// The error for an option the program does not know.
    public func unknown(_ option: String) -> BenchmarkError { error("unknown option \(option)") }

    /// The error for a wrong command line: `message`, then the usage text.
    public func error(_ message: String) -> BenchmarkError { .usage(message, usage: usage) }
}
