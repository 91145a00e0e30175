import Foundation

/// The `main()` every benchmark program shares: read the command line, run, print the
/// Markdown report and write it to `--out`, or say what went wrong and exit with status 1.
public enum BenchmarkMain {
    /// Reads `arguments` (by default this process's, without the program name) as `Options`;
    /// prints the usage text when they ask for it, else runs `measure` with them. The report it
    /// returns goes to standard output and to the options' `out` file (its folder created);
    /// `nil` means there is no report to write. Progress and errors go to standard error, each
    /// error as `program: error`, and end the process with status 1.
    public static func run<Options: BenchmarkCommandLine>(
        _ program: String,
        options: Options.Type,
        arguments: [String] = Array(CommandLine.arguments.dropFirst()),
        isolation: isolated (any Actor)? = #isolation,
        measure: (Options) async throws -> String?
    ) async {
        do {
            guard let options = try Options.parse(arguments, today: Date()) else {
                print(Options.usage)
                return
            }
            guard let report = try await measure(options) else { return }
            print(report, terminator: "")
            let out = URL(fileURLWithPath: options.out)
            try FileManager.default.createDirectory(at: out.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(report.utf8).write(to: out)
            Console.progress("report written to \(options.out)")
        } catch {
            Console.progress("\(program): \(error)")
            exit(1)
        }
    }
}
