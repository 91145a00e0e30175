import Foundation

/// Where a benchmark tells how far it got: standard error, so that standard output holds the report alone.
public enum Console {
    /// Writes `message` and a line break to standard error.
    public static func progress(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }
}
