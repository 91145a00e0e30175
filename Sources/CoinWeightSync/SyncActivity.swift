public import Foundation

/// A sync in progress, over all the resources it pulls: what ``MirrorState/sync`` holds
/// while one runs.
///
/// ``fractionCompleted`` only rises and ``estimatedRemainingOrders`` only shrinks, so a
/// progress bar never jumps back; both are estimates while the order history is read (its
/// size is not known before it has been read).
public struct SyncActivity: Hashable, Sendable {
    /// When the sync started.
    public var startedAt: Date
    /// The resources it pulls.
    public var resources: Set<SyncResource>
    /// Those it has finished (synced or failed).
    public var finished: Set<SyncResource> = []
    /// The one it pulls now.
    public var current: SyncResource?
    /// History orders read so far in this sync, over every owner.
    public var orders = 0
    /// History orders of the owner being read still to come, estimated from the rate so
    /// far; `nil` until its walk has read enough to tell. It only shrinks while one owner's
    /// history is read.
    public var estimatedRemainingOrders: Int?
    /// The owner the estimate is of.
    private var estimateOwner: Int?
    /// The history walk of the owner being read, while it runs.
    public var history: SyncProgress?
    /// How much of the sync is done, from 0 to 1: each resource an equal share, the order
    /// history's share by the time span read.
    public private(set) var fractionCompleted = 0.0

    init(resources: Set<SyncResource>, startedAt: Date) {
        self.resources = resources
        self.startedAt = startedAt
    }

    /// The next resource starts.
    mutating func begin(_ resource: SyncResource) {
        current = resource
        history = nil
    }

    /// A resource ended.
    mutating func end(_ resource: SyncResource) {
        finished.insert(resource)
        if current == resource { current = nil }
        history = nil
        raise(to: Double(finished.count) / Double(max(resources.count, 1)))
    }

    /// A history page of owner `index` of `count` was read; `ordersBefore` is what earlier
    /// owners' walks read.
    mutating func read(_ progress: SyncProgress, owner index: Int, of count: Int, ordersBefore: Int) {
        history = progress
        orders = ordersBefore + progress.orders
        let ownerShare = 1 / Double(max(count, 1))
        let historyDone = (Double(index) + 1 - progress.remainingFraction) * ownerShare
        raise(to: (Double(finished.count) + min(1, historyDone)) / Double(max(resources.count, 1)))
        if estimateOwner != index {
            estimateOwner = index
            estimatedRemainingOrders = nil
        }
        if let estimate = progress.estimatedRemainingOrders {
            estimatedRemainingOrders = min(estimatedRemainingOrders ?? estimate, estimate)
        }
    }

    private mutating func raise(to fraction: Double) { fractionCompleted = max(fractionCompleted, min(1, fraction)) }
}
