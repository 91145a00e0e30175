import CoinWeightSync
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The order history's progress: a line redrawn in place on a terminal, a plain line per
/// hundred pages otherwise (a log or a pipe).
enum SyncProgressLine {
    private static let isTerminal = isatty(STDERR_FILENO) == 1

    static func show(_ progress: SyncProgress, of sync: SyncActivity?) {
        let remaining = sync?.estimatedRemainingOrders.map { ", about \($0) to go" } ?? ""
        let text = "history of \(progress.owner): \(progress.pages) pages, \(progress.orders) orders\(remaining)"
        if isTerminal {
            FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
        } else if progress.pages % 100 == 1 {
            Console.err(text)
        }
    }

    /// Ends the redrawn line on a terminal.
    static func finish() {
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
