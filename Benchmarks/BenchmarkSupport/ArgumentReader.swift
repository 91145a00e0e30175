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

    /// Reads `arguments` (without the program name) as `--name value` pairs into `options`, in
    /// order: `apply` sets what one pair says, and has the reader for its checks and errors.
    /// - Returns: `nil` when `--help` or `-h` asks for the usage text.
    /// - Throws: ``BenchmarkError/usage(_:usage:)`` when an option has no value, or what `apply` throws.
    public static func parse<Options>(
        _ arguments: [String], usage: String, into options: Options,
        _ apply: (inout Options, _ option: String, _ value: String, ArgumentReader) throws -> Void
    ) throws -> Options? {
        var options = options
        var reader = ArgumentReader(arguments, usage: usage)
        while let option = reader.nextOption() {
            if asksForHelp(option) { return nil }
            let value = try reader.value(of: option)
            try apply(&options, option, value, reader)
        }
        return options
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
