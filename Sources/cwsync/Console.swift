import Foundation

/// Unbuffered output: a line on standard output appears at once, even through a pipe.
/// A closed pipe (`cwsync ... | head`) drops the rest of the output instead of crashing.
enum Console {
    /// Writes a line to standard output.
    static func out(_ line: String) { try? FileHandle.standardOutput.write(contentsOf: Data((line + "\n").utf8)) }

    /// Writes a line to standard error.
    static func err(_ line: String) { try? FileHandle.standardError.write(contentsOf: Data((line + "\n").utf8)) }
}
