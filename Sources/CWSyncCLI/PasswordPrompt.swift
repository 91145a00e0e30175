import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a password: from a prompt on the terminal with echo off, or the first line of
/// standard input.
enum PasswordPrompt {
    /// The first line of standard input, without its line end; `nil` at end of input.
    static func fromStandardInput() -> String? { readLine(strippingNewline: true) }

    /// Asks on standard error and reads a line from the terminal without echoing it.
    /// Returns `nil` when standard input is not a terminal.
    static func ask(_ prompt: String) -> String? {
        guard isatty(STDIN_FILENO) == 1 else { return nil }
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            Console.err("")
        }
        FileHandle.standardError.write(Data(prompt.utf8))
        return readLine(strippingNewline: true)
    }
}
