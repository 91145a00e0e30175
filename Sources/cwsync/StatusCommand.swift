import ArgumentParser
import CoinWeightStore
import Foundation

/// `cwsync status`: where the mirror stands, from the store alone.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the session, the daemon, each resource's sync state, the outbox and the store's size."
    )

    @OptionGroup var options: QueryOptions<NoAccount>

    func run() async throws {
        try await options.withStore { store in
            let report = try await StatusReport(of: store)
            if options.json {
                Console.out(try JSONLine.text(report))
            } else {
                Self.print(report)
            }
        }
    }

    private static func print(_ report: StatusReport) {
        Console.out("store: \(report.store) (\(report.storeBytes) bytes, schema \(report.schemaVersion))")
        let auth = report.user.map { user in
            "\(user) (uid \(report.uid ?? "?"))" + (report.authRequired ? ", token expired or refused by the server: run cwsync login" : report.tokenExpiresAt.map { ", token valid until \($0)" } ?? "")
        } ?? "not logged in: run cwsync login --user NAME"
        Console.out("session: \(auth)")
        Console.out("daemon: " + (report.daemonPID.map { "running (pid \($0))" } ?? "not running"))
        let outbox = report.outbox
        let counts = OutboxState.allCases.map { "\($0.rawValue) \(outbox.counts[$0.rawValue] ?? 0)" }.joined(separator: ", ")
        let oldest = outbox.oldestWaitingSince.map { ", oldest waiting \(Int(Date().timeIntervalSince($0))) s" } ?? ""
        let latency = outbox.deliveryP50Milliseconds.map { p50 in ", enqueue to delivery p50 \(p50) ms, p99 \(outbox.deliveryP99Milliseconds ?? p50) ms" } ?? ""
        Console.out("outbox: \(counts); retries \(outbox.retries)\(oldest)\(latency)")
        Console.out(TextTable(
            header: ["RESOURCE", "LAST SUCCESS", "LAST ATTEMPT", "ERROR"],
            rows: report.resources.map { state in
                [state.resource, state.lastSuccessAt.map { "\($0)" } ?? "never", state.lastAttemptAt.map { "\($0)" } ?? "never", state.lastError ?? ""]
            }).text)
    }
}
