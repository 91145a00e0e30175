import CoinWeightAPI
import CoinWeightStore
import CoinWeightSync
import Foundation

/// Prints one line of the tour and flushes it: a script reading the output through a pipe or
/// a file sees each line as soon as it is printed.
func say(_ line: String) {
    print(line)
    fflush(nil)   // every output stream (`stdout` itself is a global var Swift 6 will not touch)
}

/// Turns the states of ``CoinWeightMirror/states()`` into the lines a status bar would show,
/// one per change of the phase, the account, the reachability or the outbox counts, and at
/// most one syncing line per 10 % of a sync.
struct StateLines {
    private var phase: MirrorState.Phase?
    private var syncStep = -1
    private var account: MirrorState.Account?
    private var network: String?
    private var outbox: [OutboxState: Int]?

    mutating func lines(for state: MirrorState) -> [String] {
        var lines: [String] = []
        if state.account != account {
            if account != nil { lines.append("account: \(describe(state.account))") }
            account = state.account
        }
        let network = switch state.reachability {
        case .unknown: "unknown"
        case .reachable: "reachable"
        case .unreachable: "unreachable"
        }
        if network != self.network {
            if self.network != nil { lines.append("network: \(network)") }
            self.network = network
        }
        if state.phase == .syncing, let sync = state.sync {
            // Between two resources `current` is nil: the line waits for the next one to begin.
            let step = Int(sync.fractionCompleted * 10)
            if phase != .syncing || (step > syncStep && (sync.current != nil || sync.fractionCompleted == 1)) {
                syncStep = step
                lines.append("state: syncing \(describe(sync))")
            }
        } else if state.phase != phase {
            lines.append("state: \(describe(state.phase, of: state))")
        }
        if state.phase != .syncing { syncStep = -1 }
        phase = state.phase
        if state.outbox != outbox {
            if outbox != nil || !state.outbox.isEmpty { lines.append("outbox: \(describe(state.outbox))") }
            outbox = state.outbox
        }
        return lines
    }

    private func describe(_ account: MirrorState.Account) -> String {
        switch account {
        case .loggedOut: "logged out"
        case .loggedIn(let uid, let userName): "\(userName) (uid \(uid))"
        case .refused(let uid, let userName): "\(userName) (uid \(uid)), token refused"
        }
    }

    /// `42% (orderHistory, 1200 orders, about 300 to go)`.
    private func describe(_ sync: SyncActivity) -> String {
        var details: [String] = []
        if let current = sync.current { details.append(current.rawValue) }
        if sync.orders > 0 { details.append("\(sync.orders) orders") }
        if let remaining = sync.estimatedRemainingOrders, sync.current == .orderHistory { details.append("about \(remaining) to go") }
        let percent = "\(Int(sync.fractionCompleted * 100))%"
        return details.isEmpty ? percent : "\(percent) (\(details.joined(separator: ", ")))"
    }

    private func describe(_ phase: MirrorState.Phase, of state: MirrorState) -> String {
        switch phase {
        case .loggedOut: return "loggedOut"
        case .authRequired: return "authRequired"
        case .syncing: return "syncing"
        case .offline:
            let since = state.lastSyncedAt.map { " (showing the mirror as of \($0.formatted(date: .omitted, time: .standard)))" } ?? ""
            return "offline\(since)"
        case .synced: return "synced"
        case .failing:
            let report = state.lastSync ?? SyncReport()
            let failed = report.failures.keys.sorted().map(\.rawValue)
            return "failing (\(failed.joined(separator: ", ")))"
        case .idle: return "idle"
        }
    }

    /// `1 pending, 2 delivered`, in the states' own order.
    private func describe(_ counts: [OutboxState: Int]) -> String {
        let parts = OutboxState.allCases.compactMap { state in counts[state].map { "\($0) \(state.rawValue)" } }
        return parts.isEmpty ? "empty" : parts.joined(separator: ", ")
    }
}

/// `BTC-USDT@binance, ETH-USDT@okcoin (pending addFavorite #3, queued)`.
func describe(_ favorites: [Mirrored<MarketItem>]) -> String {
    guard !favorites.isEmpty else { return "none" }
    return favorites.map { item in
        let name = "\(item.symbol)@\(item.counterParty)"
        guard let pending = item.pending else { return name }
        // Why the last attempt did not deliver it; said while it waits for the next one.
        let reason = pending.state == .queued ? pending.reason.map { ": \($0)" } ?? "" : ""
        return "\(name) (pending \(pending.kind) #\(pending.entry), \(pending.state.rawValue)\(reason))"
    }.joined(separator: ", ")
}

func describe(_ pair: MarketPair) -> String { "\(pair.symbol)@\(pair.counterParty)" }
