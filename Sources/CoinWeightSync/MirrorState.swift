public import CoinWeightAPI
public import CoinWeightStore
public import Foundation

/// Everything a status bar shows of a ``CoinWeightMirror``, as one value:
/// ``CoinWeightMirror/states()`` yields a new one each time any part changes.
///
/// ```swift
/// for await state in mirror.states() {
///     switch state.phase {
///     case .syncing: progressView.value = state.sync?.fractionCompleted ?? 0
///     case .offline: banner = "Offline: showing the mirror as of \(state.lastSyncedAt?.formatted() ?? "never")"
///     default: break
///     }
/// }
/// ```
public struct MirrorState: Hashable, Sendable {
    /// Who is logged in, and whether the server still takes the token.
    public var account: Account
    /// Whether the last request reached the server.
    public var reachability: Reachability
    /// Each resource's sync state, from the store (so also what another process synced).
    public var resources: [SyncResource: ResourceState]
    /// The sync running now; `nil` between syncs.
    public var sync: SyncActivity?
    /// The report of the last sync this mirror ran to its end (a cancelled one does not
    /// count); `nil` before the first.
    public var lastSync: SyncReport?
    /// The account's outbox entries by state (``OutboxState/pending``, ``OutboxState/sending``,
    /// ...); a state with none is absent.
    public var outbox: [OutboxState: Int]

    /// The account a mirror holds.
    public enum Account: Hashable, Sendable {
        /// Nobody is logged in: nothing is pulled or sent until a login.
        case loggedOut
        /// A user is logged in and the server has not refused the token.
        case loggedIn(uid: UserID, userName: String)
        /// The server refused the token (HTTP 403), or it expired: queued writes wait, and
        /// nothing is pulled, until the user logs in again.
        case refused(uid: UserID, userName: String)
    }

    /// Whether the server answers.
    public enum Reachability: Hashable, Sendable {
        /// No request has been made yet.
        case unknown
        /// The last request got an answer (of any kind), at this time.
        case reachable(at: Date)
        /// No answer came back (no connection, none in time, a reset) since this time.
        case unreachable(since: Date)
    }

    /// One resource's sync state, over all its parts (a resource of several owners, such as
    /// the order history, has one sync-state key per owner).
    public struct ResourceState: Hashable, Sendable {
        /// When one of its parts was last tried.
        public var lastAttemptAt: Date?
        /// When its stalest part last synced: everything of it is at least that fresh. `nil`
        /// while a part has never synced.
        public var lastSuccessAt: Date?
        /// Why a part last failed, `nil` when none did.
        public var lastError: String?
    }

    /// The one word a status bar shows, in order of precedence.
    public enum Phase: Hashable, Sendable {
        /// ``Account/loggedOut``.
        case loggedOut
        /// ``Account/refused(uid:userName:)``.
        case authRequired
        /// A sync is running (``sync``).
        case syncing
        /// The last request got no answer: the mirror answers from what it holds (a sync may
        /// be retrying meanwhile, in ``sync``).
        case offline
        /// The last sync pulled every resource it was asked for.
        case synced
        /// The last sync failed for some resources (``lastSync`` says which and why).
        case failing
        /// No sync has ended in this mirror yet.
        case idle
    }

    /// The state before anything is known.
    public init(account: Account = .loggedOut) {
        self.account = account
        reachability = .unknown
        resources = [:]
        sync = nil
        lastSync = nil
        outbox = [:]
    }

    /// What the state comes to, in one word.
    public var phase: Phase {
        switch account {
        case .loggedOut: return .loggedOut
        case .refused: return .authRequired
        case .loggedIn: break
        }
        // Offline shows even while a sync retries: it is what the user needs to know.
        if case .unreachable = reachability { return .offline }
        if sync != nil { return .syncing }
        guard let lastSync else { return .idle }
        return lastSync.succeeded ? .synced : .failing
    }

    /// When every resource last synced, as of the stalest one; `nil` while one never has.
    public var lastSyncedAt: Date? {
        let dates = SyncResource.allCases.map { resources[$0]?.lastSuccessAt }
        guard dates.allSatisfy({ $0 != nil }) else { return nil }
        return dates.compactMap(\.self).min()
    }

    /// Writes the server has not confirmed yet: pending or being sent.
    public var unconfirmedWrites: Int { (outbox[.pending] ?? 0) + (outbox[.sending] ?? 0) }

    /// Takes the store's part of the state.
    mutating func take(_ status: StoreStatus) {
        outbox = status.outbox
        var grouped: [SyncResource: [SyncState]] = [:]
        for state in status.syncStates {
            let name = state.resource.split(separator: ":", maxSplits: 1).first.map(String.init) ?? state.resource
            if let resource = SyncResource(rawValue: name) { grouped[resource, default: []].append(state) }
        }
        resources = grouped.mapValues { parts in
            let successes = parts.map(\.lastSuccessAt)
            return ResourceState(
                lastAttemptAt: parts.compactMap(\.lastAttemptAt).max(),
                lastSuccessAt: successes.contains(nil) ? nil : successes.compactMap(\.self).min(),
                lastError: parts.compactMap(\.lastError).first)
        }
    }

    /// Notes a request's outcome: answered or not, made at `date`. An outcome older than the
    /// one already noted is ignored (requests overlap).
    mutating func noteAnswer(_ answered: Bool, at date: Date) {
        switch reachability {
        case .reachable(let at) where at > date: return
        case .unreachable(let since) where !answered && since <= date: return
        default: break
        }
        reachability = answered ? .reachable(at: date) : .unreachable(since: date)
    }
}

extension MirrorState {
    /// The server refused the logged-in user's token.
    mutating func refuseAccount() {
        if case .loggedIn(let uid, let userName) = account { account = .refused(uid: uid, userName: userName) }
    }
}
