import ArgumentParser

/// `cwsync quickstart`, which moved to the `cwsync-emulator` tool with the emulator it needs:
/// hidden from `--help`, it says where it went, whatever follows it, and exits 64.
struct MovedQuickstartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "quickstart", shouldDisplay: false)
    static let message =
        "cwsync: quickstart is a command of cwsync-emulator now (the emulator ships apart from cwsync): "
        + "run swift run cwsync-emulator quickstart from a checkout"

    @Argument(parsing: .allUnrecognized) var ignored: [String] = []

    func run() throws {
        Console.err(Self.message)
        throw ExitCode.validationFailure
    }
}

/// `cwsync emulator`, which is the `cwsync-emulator` tool now: hidden, it says so and exits 64.
struct MovedEmulatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "emulator", shouldDisplay: false)
    static let message =
        "cwsync: the emulator is the cwsync-emulator tool now (it ships apart from cwsync): "
        + "run swift run cwsync-emulator --port 8080 from a checkout, with the options cwsync emulator took"

    @Argument(parsing: .allUnrecognized) var ignored: [String] = []

    func run() throws {
        Console.err(Self.message)
        throw ExitCode.validationFailure
    }
}
