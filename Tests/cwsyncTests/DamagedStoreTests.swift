import CoinWeightEmulator
import CoinWeightTestSupport
import Foundation
import Testing

/// A store file that is cut short, has a garbage header, is empty, is a folder, or was
/// written by a newer cwsync: a query, a write, `store check`, `sync` and `run` each refuse it
/// in one line on standard error that says what is wrong and what to do, exit 1, and leave
/// the file, and its folder, byte for byte as they were (no `-wal`, `-shm` or `.lock`).
@Suite("cwsync on a damaged store")
struct DamagedStoreTests {
    /// Nothing listens on port 1: were a command to get past the store, it would fail offline.
    static let unreachable = "http://127.0.0.1:1/exp/v2"

    /// A reading command, a writing one, the check, a sync and the daemon.
    static let commands: [[String]] = [
        ["orders", "--history"],
        ["favorite", "add", "okcoin", "BTC-USDT", "--endpoint", unreachable],
        ["store", "check"],
        ["outbox", "list"],
        ["sync", "--endpoint", unreachable],
        ["run", "--endpoint", unreachable, "--interval", "1"],
    ]

    /// What can be wrong with the file.
    enum Damage: String, CaseIterable, Sendable {
        /// The first half of a real store's bytes, as a copy cut short leaves it.
        case truncated
        /// Seeded random bytes over the 100-byte SQLite header.
        case garbageHeader
        /// A file of zero bytes.
        case empty
        /// A folder where the file should be.
        case folder
        /// A store whose schema version (bytes 60-63 of the header) is 999.
        case newerSchema

        /// What the one line must say: the problem, then what to do.
        var expected: [String] {
            switch self {
            case .truncated: ["is not a mirror store or is damaged", "it was cut short", "Nothing was changed", "move it aside"]
            case .garbageHeader: ["is not a mirror store or is damaged", "no SQLite header", "Nothing was changed", "move it aside"]
            case .empty: ["is not a mirror store or is damaged", "the file is empty", "Nothing was changed", "move it aside"]
            case .folder: ["is not a mirror store or is damaged", "it is a folder", "Nothing was changed", "move it aside"]
            case .newerSchema: ["was written by a newer version (schema version 999", "Nothing was changed", "Use the newer cwsync, or pass another --store"]
            }
        }

        /// Does it to the store at `path`.
        func apply(to path: String) throws {
            let url = URL(fileURLWithPath: path)
            var bytes = try Data(contentsOf: url)
            switch self {
            case .truncated:
                bytes = bytes.prefix(bytes.count / 2)
            case .garbageHeader:
                var random = SeededRandom(seed: 77)
                for index in 0..<100 { bytes[index] = UInt8.random(in: 0...255, using: &random) }
            case .empty:
                bytes = Data()
            case .folder:
                try FileManager.default.removeItem(at: url)
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
                return
            case .newerSchema:
                bytes.replaceSubrange(60..<64, with: [0, 0, 3, 0xE7])
            }
            try bytes.write(to: url)
        }
    }

    @Test("a query, a write, store check, sync and run: one line saying what is wrong and what to do, exit 1, nothing changed", arguments: Damage.allCases)
    func refused(damage: Damage) async throws {
        try await withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("cwsync.sqlite").path
            try await SampleStore.make(at: path)
            try damage.apply(to: path)
            let before = FolderSnapshot(folder)
            for command in Self.commands {
                let run = try await CWSyncBinary.run(command + ["--store", path])
                let label = "\(damage) \(command.prefix(2).joined(separator: " "))"
                #expect(run.status == 1 && !run.killed && run.out.isEmpty, "\(label): exit \(run.status)\n\(run.out)\(run.err)")
                #expect(run.errorLines.count == 1, "\(label): one line\n\(run.err)")
                let line = String(run.errorLines.first ?? "")
                #expect(line.hasPrefix("cwsync: \(path) "), "\(label): \(line)")
                for fragment in damage.expected {
                    #expect(line.contains(fragment), "\(label): \(line) does not say \(fragment)")
                }
                let after = FolderSnapshot(folder)
                #expect(after == before, "\(label) changed \(after.changes(since: before))")
            }
        }
    }
}
