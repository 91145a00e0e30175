import ArgumentParser
import CoinWeightStore
import Foundation
import UnixSignals

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `--follow`: keep the view on screen and redraw it after every commit to the store.
struct FollowOption: ParsableArguments {
    @Flag(help: "Redraw after every change to the store, by this or another process, until Ctrl-C.") var follow = false
}

/// A view that follows the store: on a terminal it is redrawn in place after every commit
/// that changes it; otherwise each line that is new in the view is printed once, as it comes.
/// SIGINT or SIGTERM ends it, with exit status 0.
enum FollowLoop {
    static func run(_ store: CoinWeightStore, view: @escaping @Sendable () async throws -> [String]) async throws {
        let terminal = isatty(STDOUT_FILENO) == 1
        let signals = await UnixSignalsSequence(trapping: .sigint, .sigterm)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                var shown: [String]?
                for try await _ in store.commits() {
                    let lines = try await view()
                    guard lines != shown else { continue }
                    if terminal {
                        // Home, clear the screen, then the view.
                        Console.out("\u{1B}[H\u{1B}[2J" + lines.joined(separator: "\n"))
                    } else {
                        let before = Set(shown ?? [])
                        for line in lines where !before.contains(line) { Console.out(line) }
                    }
                    shown = lines
                }
            }
            group.addTask {
                for await _ in signals { return }
            }
            _ = try await group.next()
            group.cancelAll()
        }
    }
}
