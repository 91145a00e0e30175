/// What one ``Outbox/deliver(uid:)`` pass did.
public struct DeliveryReport: Hashable, Sendable {
    /// Entries the server now has.
    public var delivered: [Int64] = []
    /// Entries the server refused for good (rolled back).
    public var failed: [Int64] = []
    /// Entries that failed transiently and wait for their next attempt.
    public var retrying: [Int64] = []
    /// Creates whose outcome is unknown, being looked for on the server.
    public var unresolved: [Int64] = []
    /// Creates whose deadline passed: never sent (again), rolled back.
    public var expired: [Int64] = []
    /// Whether delivery stopped because the server refused the token.
    public var authRequired = false

    /// An empty report: nothing delivered, failed, retrying, unresolved or expired.
    public init() {}

    /// Entries that left the queue for good: delivered, failed or expired.
    var settledCount: Int { delivered.count + failed.count + expired.count }
}
