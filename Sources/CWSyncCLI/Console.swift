import Foundation

/// Unbuffered output: a line on standard output appears at once, even through a pipe.
/// A closed pipe (`cwsync ... | head`) drops the rest of the output instead of crashing.
package enum Console {
    /// Writes a line to standard output.
    package static func out(_ line: String) { try? FileHandle.standardOutput.write(contentsOf: Data((line + "\n").utf8)) }

    /// Writes a line to standard error.
    package static func err(_ line: String) { try? FileHandle.standardError.write(contentsOf: Data((line + "\n").utf8)) }
}
