/// Progress of the order history read, published while it runs.
public struct SyncProgress: Hashable, Sendable {
    /// The trading account whose history is read.
    public var owner: String
    /// Pages read so far in this sync.
    public var pages: Int
    /// Orders read so far in this sync.
    public var orders: Int
    /// The share of the time span still to read, from 0 to 1.
    public var remainingFraction: Double
    /// Orders still to read, estimated from the rate so far; `nil` until one window is done.
    public var estimatedRemainingOrders: Int?
}
