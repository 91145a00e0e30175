import ArgumentParser
import CoinWeightAPI
import CoinWeightStore
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `cwsync export`: what the store holds, written out for other tools.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the store's orders out as CSV, JSON lines or trades.", subcommands: [ExportOrdersCommand.self])
}

/// `cwsync export orders`: an account's orders, oldest first, streamed from the store.
struct ExportOrdersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orders", abstract: "Write an account's orders, oldest first, as CSV, JSON lines or trades.",
        discussion: """
            csv: one row per order, the API's fields, amounts as the server wrote them, times as ISO-8601 UTC with \
            milliseconds, and the write not yet confirmed (pending). jsonl: each order as cwsync orders --json prints it. \
            trades: one row per order with a filled part: date (when it was last processed), type (buy or sell), symbol, \
            base, quote, quantity and price filled, total (quantity × price, in the quote currency), exchange, orderId, \
            created, state. With --output, the file appears whole once the export is done.
            """)

    @Option(help: "The format: csv, jsonl or trades.") var format: OrderExportFormat = .csv
    @OptionGroup var filters: OrderFilterOptions
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var output: String?
    @OptionGroup var reading: StoreReading<OwnerOption>

    func run() async throws {
        try await reading.withStore { store in
            let filter = filters.filter(owner: try reading.owner())
            let destination = try ExportDestination(path: output)
            var progress: ExportProgress?
            if output != nil, isatty(STDERR_FILENO) == 1 { progress = ExportProgress(total: try await store.read(.orderCount(filter))) }
            let sink = ExportSink(destination: destination, progress: progress)
            do {
                if let header = format.header { try sink.write(CSV.line(header)) }
                try await store.forEachOrder(filter) { [format] order in try sink.write(order: try format.line(order)) }
                try sink.finish()
                try destination.commit()
            } catch {
                destination.abandon()
                throw QueryFailure("the export stopped: \(error)")
            }
            if let output { Console.err("exported \(sink.lines) \(format == .trades ? "trades" : "orders") to \(output)") }
        }
    }
}

/// Where an export goes: standard output, or a file written beside its final path and moved
/// there once complete, so that an export that stops leaves no half file under that name.
struct ExportDestination: Sendable {
    let handle: FileHandle
    private let path: String?
    private let partial: String?

    init(path: String?) throws {
        guard let path else {
            (handle, self.path, partial) = (FileHandle.standardOutput, nil, nil)
            return
        }
        let partial = path + ".partial"
        guard FileManager.default.createFile(atPath: partial, contents: nil), let handle = FileHandle(forWritingAtPath: partial) else {
            throw QueryFailure("cannot write \(partial): check the folder exists and is writable")
        }
        (self.handle, self.path, self.partial) = (handle, path, partial)
    }

    /// Moves the complete file to its path.
    func commit() throws {
        guard let path, let partial else { return }
        try handle.close()
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: partial, toPath: path)
    }

    /// Removes what was written of an export that stopped.
    func abandon() {
        guard let partial else { return }
        try? handle.close()
        try? FileManager.default.removeItem(atPath: partial)
    }
}

/// The export's buffer: lines go out in blocks of about 256 KiB, so that memory stays flat
/// however many orders there are.
final class ExportSink: Sendable {
    private struct State {
        var buffer: [UInt8] = []
        var orders = 0
        var lines = 0
        var progress: ExportProgress?
    }

    private static let blockSize = 256 << 10
    private let destination: ExportDestination
    private let state: Mutex<State>

    init(destination: ExportDestination, progress: ExportProgress?) {
        self.destination = destination
        state = Mutex(State(progress: progress))
    }

    /// Lines written so far for orders: the header left out.
    var lines: Int { state.withLock { $0.lines } }

    /// Writes the line of one order, if it has one (a trade needs a filled part), and moves the progress on.
    func write(order line: String?) throws {
        try state.withLock { state in
            state.orders += 1
            state.progress?.advance(to: state.orders)
            guard let line else { return }
            state.lines += 1
            try Self.append(line, to: &state, destination)
        }
    }

    /// Writes a line that is no order's: the header.
    func write(_ line: String) throws {
        try state.withLock { state in try Self.append(line, to: &state, destination) }
    }

    private static func append(_ line: String, to state: inout State, _ destination: ExportDestination) throws {
        state.buffer.append(contentsOf: line.utf8)
        if state.buffer.count >= blockSize {
            try destination.handle.write(contentsOf: state.buffer)
            state.buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Writes what the buffer holds and ends the progress line.
    func finish() throws {
        try state.withLock { state in
            try destination.handle.write(contentsOf: state.buffer)
            state.buffer.removeAll()
            state.progress?.end()
        }
    }
}

/// A progress line on standard error, redrawn in place: `exported N of M orders (P %)`.
struct ExportProgress {
    let total: Int
    private var shown = -1

    init(total: Int) { self.total = total }

    mutating func advance(to done: Int) {
        let percent = total == 0 ? 100 : done * 100 / total
        guard percent != shown else { return }
        shown = percent
        FileHandle.standardError.write(Data("\rexported \(done) of \(total) orders (\(percent) %)".utf8))
    }

    func end() { FileHandle.standardError.write(Data("\n".utf8)) }
}
