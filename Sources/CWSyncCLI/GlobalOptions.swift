import ArgumentParser
import Foundation
import Logging

/// Options every subcommand accepts after its name.
package struct GlobalOptions: ParsableArguments {
    package init() {}

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error or critical.")
    var logLevel: LogLevelArgument = .init(.notice)

    /// Sends logs to standard error at the chosen level. Call once, before any work.
    package func bootstrapLogging() {
        let level = logLevel.level
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}

/// A `Logger.Level` parsed from the command line, with the valid names in its error.
struct LogLevelArgument: ExpressibleByArgument {
    let level: Logger.Level

    init(_ level: Logger.Level) { self.level = level }

    init?(argument: String) {
        guard let level = Logger.Level(rawValue: argument.lowercased()) else { return nil }
        self.level = level
    }

    var defaultValueDescription: String { level.rawValue }

    static var allValueStrings: [String] { Logger.Level.allCases.map(\.rawValue) }
}
