import ArgumentParser

/// A command that moved to another tool: hidden from `--help`, it says where it went,
/// whatever follows it, and exits 64.
protocol MovedCommand: ParsableCommand {
    /// The line on standard error: where the command is now, and how to run it there.
    static var message: String { get }
}

extension MovedCommand {
    func run() throws {
        Console.err(Self.message)
        throw ExitCode.validationFailure
    }
}

/// `cwsync quickstart`, which moved to the `cwsync-emulator` tool with the emulator it needs.
struct MovedQuickstartCommand: MovedCommand {
    static let configuration = CommandConfiguration(commandName: "quickstart", shouldDisplay: false)
    static let message =
        "cwsync: quickstart is a command of cwsync-emulator now (the emulator ships apart from cwsync): "
        + "run swift run cwsync-emulator quickstart from a checkout"

    @Argument(parsing: .allUnrecognized) var ignored: [String] = []
}

/// `cwsync emulator`, which is the `cwsync-emulator` tool now.
struct MovedEmulatorCommand: MovedCommand {
    static let configuration = CommandConfiguration(commandName: "emulator", shouldDisplay: false)
    static let message =
        "cwsync: the emulator is the cwsync-emulator tool now (it ships apart from cwsync): "
        + "run swift run cwsync-emulator --port 8080 from a checkout, with the options cwsync emulator took"

    @Argument(parsing: .allUnrecognized) var ignored: [String] = []
}
