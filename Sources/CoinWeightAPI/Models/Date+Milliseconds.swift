public import Foundation

extension Date {
    /// Milliseconds since the epoch, UTC: the API's unit of time (`createTime`, `startTime`...).
    public var millisecondsSince1970: Int64 { Int64((timeIntervalSince1970 * 1_000).rounded(.down)) }

    /// The instant `milliseconds` after the epoch.
    public init(millisecondsSince1970 milliseconds: Int64) {
        self.init(timeIntervalSince1970: TimeInterval(milliseconds) / 1_000)
    }
}
