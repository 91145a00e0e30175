public import CoinWeightAPI
public import CoinWeightStore
import Foundation

/// How one sync went, resource by resource.
public struct SyncReport: Hashable, Sendable {
    /// A resource's outcome.
    public enum Outcome: Hashable, Sendable {
        case synced
        /// It failed; the failure's message is also saved as the resource's
        /// ``SyncState/lastError``, and it counts for the backoff.
        case failed(SyncFailure)
        /// The sync was cancelled while it pulled this resource: what it had committed stays
        /// (history pages with their cursor), its last success too, and it costs no backoff.
        case cancelled
        /// Not tried: the sync stopped for a login first, or was cancelled before it.
        case skipped

        /// The failure, when it is one.
        public var failure: SyncFailure? {
            if case .failed(let failure) = self { failure } else { nil }
        }
    }

    /// Each resource asked for, and how it went.
    public var outcomes: [SyncResource: Outcome] = [:]
    /// Whether the sync stopped because the server refused the token (or there was none, or
    /// it had expired): nothing more is pulled until a new login.
    public var authRequired = false
    /// Resources that failed because no answer came back at all (no connection, none in
    /// time, or the connection reset before a response), after the retries.
    public var unreachable: Set<SyncResource> = []
    /// Whether the sync was cancelled before it ended: the resource it was pulling is
    /// ``Outcome/cancelled`` and those after it ``Outcome/skipped``.
    public var interrupted = false

    /// An empty report.
    public init() {}

    /// The report of `resources` alone.
    func restricted(to resources: Set<SyncResource>) -> SyncReport {
        var report = self
        report.outcomes = outcomes.filter { resources.contains($0.key) }
        report.unreachable = unreachable.intersection(resources)
        return report
    }

    /// Whether every resource asked for synced (a sync of some resources only may succeed).
    public var succeeded: Bool { !outcomes.isEmpty && outcomes.values.allSatisfy { $0 == .synced } }

    /// Whether every resource synced.
    public var isComplete: Bool { outcomes.count == SyncResource.allCases.count && outcomes.values.allSatisfy { $0 == .synced } }

    /// Whether nothing synced because the server could not be reached: offline.
    public var isOffline: Bool { !unreachable.isEmpty && !outcomes.values.contains(.synced) && unreachable.count == failures.count }

    /// The resources that failed, with why.
    public var failures: [SyncResource: SyncFailure] { outcomes.compactMapValues(\.failure) }
}

/// Why a resource did not sync.
public enum SyncFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// A request failed: the client's error, with whether it was the network
    /// (``CoinWeightError/gotNoAnswer``), the token, the server or its answer.
    case client(CoinWeightError)
    /// The store could not take what was read.
    case store(StoreError)
    /// Anything else, in words.
    case other(String)

    /// The failure as an `Error`, for code that handles the client's or the store's errors.
    public init(_ error: any Error) {
        switch error {
        case let error as CoinWeightError: self = .client(error)
        case let error as StoreError: self = .store(error)
        case let error as SyncFailure: self = error
        default: self = .other(String(describing: error))
        }
    }

    /// The failure in words: the client's or the store's description, or the message.
    public var description: String {
        switch self {
        case .client(let error): error.description
        case .store(let error): error.description
        case .other(let message): message
        }
    }
}
