import Foundation

/// The files in `folder` that hold `text`, as `grep` in a child process reads them. Not read
/// in this process: closing a file it opened on a store would drop the store's SQLite locks
/// (POSIX locks belong to the process), and the next `cwsync` could take the store for unused
/// and reset its WAL under the test's connections.
public func filesHolding(_ text: String, in folder: URL) async throws -> [String] {
    try await withTemporaryDirectory { scratch in
        let listed = scratch.appendingPathComponent("listed")
        let grep = try ChildProcess.spawn("/usr/bin/env", ["grep", "-r", "-l", "-F", "--binary-files=text", "--", text, folder.path], output: listed)
        let exit = await grep.exited()
        guard exit == .status(0) || exit == .status(1) else { throw HarnessError.setUp("grep failed: \(exit)") }
        return String(decoding: try Data(contentsOf: listed), as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
