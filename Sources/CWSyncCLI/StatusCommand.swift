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
    @OptionGroup var following: FollowOption

    func run() async throws {
        try await options.withStore { store in
            let json = options.json
            let view: @Sendable () async throws -> [String] = {
                let report = try await StatusReport(of: store)
                return json ? [try JSONLine.text(report)] : Self.lines(report)
            }
            if following.follow { return try await FollowLoop.run(store, view: view) }
            for line in try await view() { Console.out(line) }
        }
    }

    private static func lines(_ report: StatusReport) -> [String] {
        var lines: [String] = []
        lines.append("store: \(report.store) (\(report.storeBytes) bytes, schema \(report.schemaVersion))")
        lines.append("endpoint: " + (report.endpoint ?? "none yet: the first login binds the store to its endpoint and account"))
        let auth =
            report.user.map { user in
                "\(user) (uid \(report.uid ?? "?"))"
                    + (report.authRequired
                        ? ", token expired or refused by the server: run cwsync login" : report.tokenExpiresAt.map { ", token valid until \($0)" } ?? "")
            } ?? "not logged in: run cwsync login --user NAME"
        lines.append("session: \(auth)")
        lines.append("daemon: " + (report.daemonPID.map { "running (pid \($0))" } ?? "not running"))
        lines.append("server: " + Self.reach(report))
        let held = report.rows.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        lines.append("rows: " + (held.isEmpty ? "none" : held.joined(separator: ", ")))
        let outbox = report.outbox
        let counts = OutboxState.allCases.map { "\($0.rawValue) \(outbox.counts[$0.rawValue] ?? 0)" }.joined(separator: ", ")
        let oldest = outbox.oldestWaitingSince.map { ", oldest waiting \(Int(Date().timeIntervalSince($0))) s" } ?? ""
        let latency = outbox.deliveryP50Milliseconds.map { p50 in ", enqueue to delivery p50 \(p50) ms, p99 \(outbox.deliveryP99Milliseconds ?? p50) ms" } ?? ""
        let next = outbox.nextAttemptAt.map { ", next attempt \($0 <= Date() ? "due now" : "at \($0)")" } ?? ""
        lines.append("outbox: \(counts); retries \(outbox.retries)\(oldest)\(next)\(latency)")
        if let advice = OutboxAdvice.unsent((outbox.counts["failed"] ?? 0) + (outbox.counts["expired"] ?? 0)) { lines.append("  \(advice)") }
        let table = TextTable(
            header: ["RESOURCE", "LAST SUCCESS", "LAST ATTEMPT", "ERROR"],
            rows: report.resources.map { state in
                [state.resource, state.lastSuccessAt.map { "\($0)" } ?? "never", state.lastAttemptAt.map { "\($0)" } ?? "never", state.lastError ?? ""]
            })
        return lines + table.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Whether the last pull reached the server, and when one last did.
    private static func reach(_ report: StatusReport) -> String {
        guard let attempt = report.lastAttempt, let at = attempt.lastAttemptAt else { return "never synced: run cwsync sync" }
        let reached = report.lastReachedAt.map { "last synced \($0)" } ?? "never synced"
        guard let error = attempt.lastError else { return "\(reached); the last attempt succeeded" }
        return "\(reached); the last attempt, \(at), failed: \(error)"
    }
}
