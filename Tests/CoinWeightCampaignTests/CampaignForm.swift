import Foundation

/// How long a campaign runs: the short form in every `swift test` (and so in CI), the full
/// form on request (`CWSYNC_CAMPAIGN=full`, which `scripts/campaign` sets).
struct CampaignForm: Sendable {
    /// `short` or `full`, for the report.
    let name: String
    /// How many times the crash campaign kills the daemon.
    let kills: Int
    /// How long each fault of the fault campaign is switched on; every fault gets one phase.
    let phase: Duration
    /// Orders of history the emulator starts with: the first history sync the kills interrupt.
    let seedOrders: Int

    static let short = CampaignForm(name: "short", kills: 6, phase: .seconds(3), seedOrders: 3_000)
    static let full = CampaignForm(name: "full", kills: 100, phase: .seconds(30), seedOrders: 30_000)

    /// The form the environment asks for.
    static var current: CampaignForm {
        ProcessInfo.processInfo.environment["CWSYNC_CAMPAIGN"] == "full" ? .full : .short
    }
}
