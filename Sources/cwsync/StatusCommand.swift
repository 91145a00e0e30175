import ArgumentParser
import CoinWeightAPI
import CoinWeightStore
import CoinWeightSync
import Foundation

/// `cwsync status`: where the mirror stands, from the store alone.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the session, the daemon, each resource's sync state, the outbox and the store's size."
    )

    @OptionGroup var options: QueryOptions<NoAccount>

    /// Everything `status` reports, as `--json` prints it.
    struct Report: Encodable {
        var store: String
        var storeBytes: Int64
        var schemaVersion: Int
        var user: String?
        var uid: String?
        var tokenExpiresAt: Date?
        var authRequired: Bool
        var daemonPID: String?
        var resources: [Resource]
        var outbox: OutboxStats
    }

    /// A resource's sync state, without its cursor.
    struct Resource: Encodable {
        var resource: String
        var lastAttemptAt: Date?
        var lastSuccessAt: Date?
        var lastError: String?

        init(_ state: SyncState) {
            resource = state.resource
            lastAttemptAt = state.lastAttemptAt
            lastSuccessAt = state.lastSuccessAt
            lastError = state.lastError
        }
    }

    func run() async throws {
        try await options.withStore { store in
            let session = SessionFile(besideStore: store.path).load()
            let report = Report(
                store: store.path, storeBytes: store.fileSize, schemaVersion: store.schemaVersion,
                user: session?.userName, uid: session?.uid.rawValue, tokenExpiresAt: session?.authToken.expiresAt,
                authRequired: session.map { $0.authToken.isExpired(at: Date()) } ?? true,
                daemonPID: StoreLock.holder(store: store.path),
                resources: try await store.read(.syncStates).map(Resource.init), outbox: try await store.read(.outboxStats))
            if options.json {
                Console.out(try JSONLine.text(report))
            } else {
                Self.print(report)
            }
        }
    }

    private static func print(_ report: Report) {
        Console.out("store: \(report.store) (\(report.storeBytes) bytes, schema \(report.schemaVersion))")
        let auth = report.user.map { user in
            "\(user) (uid \(report.uid ?? "?"))" + (report.authRequired ? ", token expired: log in again" : report.tokenExpiresAt.map { ", token valid until \($0)" } ?? "")
        } ?? "not logged in: run cwsync login --user NAME"
        Console.out("session: \(auth)")
        Console.out("daemon: " + (report.daemonPID.map { "running (pid \($0))" } ?? "not running"))
        let outbox = report.outbox
        let counts = ["pending", "sending", "delivered", "failed", "expired"].map { "\($0) \(outbox.counts[$0] ?? 0)" }.joined(separator: ", ")
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
