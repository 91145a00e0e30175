import Foundation

extension CWSyncBinary {
    /// Sends SIGTERM to a `cwsync` started with ``launch(_:)`` and waits for it to end.
    /// - Returns: how long it took to end, and everything it wrote on `errors`, its standard error.
    public static func terminate(_ process: Process, errors: Pipe) -> (took: Duration, log: String) {
        let stopping = ContinuousClock.now
        process.terminate()
        process.waitUntilExit()
        let took = ContinuousClock.now - stopping
        return (took, String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }
}
