public import Foundation

extension Duration {
    /// The duration in seconds, as Foundation's timeouts and `Date` arithmetic take it.
    public var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
