import Foundation
import Logging

extension BenchmarkMain {
    /// The first argument that makes this process the emulator child of ``EmulatorProcess``.
    public static let serveFlag = "--serve"

    /// ``run(_:options:arguments:isolation:measure:)`` for a benchmark that measures against
    /// an emulator in a child process: this program again, started by ``EmulatorProcess`` with
    /// the hidden ``serveFlag`` first. That child reads the arguments after the flag as
    /// `Options` and serves their ``EmulatorBenchmarkCommandLine/emulator`` (an
    /// ``EmulatorServer``) instead of measuring. In both processes logs go to standard error,
    /// warnings and worse only, so that standard output holds the report, or the child's base URL.
    public static func runWithEmulator<Options: EmulatorBenchmarkCommandLine>(
        _ program: String,
        options: Options.Type,
        isolation: isolated (any Actor)? = #isolation,
        measure: (Options) async throws -> String
    ) async {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .warning
            return handler
        }
        let arguments = Array(CommandLine.arguments.dropFirst())
        let serving = arguments.first == serveFlag
        await run(program, options: options, arguments: serving ? Array(arguments.dropFirst()) : arguments) { options in
            guard !serving else {
                try await EmulatorServer(configuration: options.emulator).run()
                return nil
            }
            return try await measure(options)
        }
    }
}
