import ArgumentParser
import CoinWeightAPI
import CoinWeightStore
import CoinWeightSync
import Foundation
import UnixSignals

/// `cwsync sync [RESOURCE...]`: one pull of the named resources (all by default), then one
/// push of the due queued writes.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Pull the resources (all by default) into the store, then send the queued writes that are due.",
        discussion: """
            Resources: \(SyncResource.allCases.map(\.rawValue).joined(separator: ", ")).
            Exit status: 0 all synced and delivered, 3 partly, 4 the server could not be reached, 5 log in first.
            """
    )

    @Argument(help: "Resources to pull; all when none is named.") var resources: [SyncResourceArgument] = []
    @Flag(help: "Read the whole order history again, back to the horizon, ignoring where the last sync stopped.") var full = false
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var endpointOptions: EndpointOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        global.bootstrapLogging()
        let mirror = try await CommandFailure.reporting { try endpointOptions.openMirror(storeOptions) }
        let only = resources.isEmpty ? Set(SyncResource.allCases) : Set(resources.map(\.resource))
        if full && only.contains(.orderHistory) { try await mirror.resetHistory() }
        let progress = Task { [states = mirror.states()] in
            // A state changes for more than the history read: a line only for a new page.
            var shown: SyncProgress?
            for await state in states {
                guard let history = state.sync?.history, history != shown else { continue }
                SyncProgressLine.show(history, of: state.sync)
                shown = history
            }
        }
        // Trapped before the sync starts, so that no Ctrl-C finds the default action.
        let signals = await UnixSignalsSequence(trapping: .sigint)
        let syncing = Task { await mirror.syncNow(only: only) }
        let interrupts = Self.cancel(syncing, on: signals)
        let report = await syncing.value
        interrupts.cancel()
        progress.cancel()
        SyncProgressLine.finish()
        if report.interrupted {
            let synced = report.outcomes.values.count { $0 == .synced }
            Console.err(
                "cwsync: interrupted: \(synced) of \(only.count) resources synced, the others keep their last sync; nothing was sent. "
                    + "Run cwsync sync again to finish.")
            throw ExitCode(SyncExit.interrupted.rawValue)
        }
        if report.isOffline {
            let reason = report.failures.values.first.map { "\($0)" } ?? "no answer"
            Console.err("cwsync: offline, nothing synced or sent: \(reason) Check the network or --endpoint; the store still answers queries.")
            throw ExitCode(SyncExit.offline.rawValue)
        }
        for resource in only.sorted() {
            Console.out("\(resource.rawValue): \(report.outcomes[resource].map(\.line) ?? "not run")")
        }
        let delivery = report.authRequired ? nil : await mirror.pushNow()
        // What is really waiting: every entry not settled, whether tried this time or not due yet.
        var waiting = 0
        if let uid = await mirror.session?.uid { waiting = try await mirror.store.read(.outbox(uid: uid, states: [.pending, .sending])).count }
        if let delivery {
            Console.out("outbox: \(delivery.delivered.count) delivered, \(delivery.failed.count) failed, \(waiting) waiting, \(delivery.expired.count) expired")
            if let advice = OutboxAdvice.unsent(delivery.failed.count + delivery.expired.count) { Console.err("cwsync: \(advice)") }
        } else if waiting > 0 {
            Console.out("outbox: \(waiting) waiting, not sent until you log in again")
        }
        let exit = Self.exit(report, delivery)
        if exit == .authRequired { Console.err("cwsync: log in first: cwsync login --user NAME") }
        if exit != .ok { throw ExitCode(exit.rawValue) }
    }

    /// Cancels `sync` at the first SIGINT (Ctrl-C), so that it stops between two transactions
    /// and says so; a second SIGINT ends the process at once.
    private static func cancel(_ sync: Task<SyncReport, Never>, on signals: UnixSignalsSequence) -> Task<Void, Never> {
        Task {
            var received = 0
            for await _ in signals {
                received += 1
                if received == 1 { sync.cancel() } else { Foundation.exit(SyncExit.interrupted.rawValue) }
            }
        }
    }

    private static func exit(_ report: SyncReport, _ delivery: DeliveryReport?) -> SyncExit {
        if report.authRequired || delivery?.authRequired == true { return .authRequired }
        if report.isOffline { return .offline }
        let failed = report.outcomes.values.contains { if case .failed = $0 { true } else { false } }
        return failed || !(delivery?.failed.isEmpty ?? true) ? .partial : .ok
    }
}

/// A resource named on the command line.
struct SyncResourceArgument: ExpressibleByArgument {
    let resource: SyncResource

    init?(argument: String) {
        guard let resource = SyncResource(rawValue: argument) else { return nil }
        self.resource = resource
    }

    static var allValueStrings: [String] { SyncResource.allCases.map(\.rawValue) }
}
