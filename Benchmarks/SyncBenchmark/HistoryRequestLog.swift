import Foundation

/// The `/order/inactive` requests of the sync, as ``RecordingTransport`` saw them answered:
/// the pages `curl` fetches again, and how long the sync had requests out.
actor HistoryRequestLog {
    /// Each request's URL, in the order answered.
    private(set) var urls: [URL] = []
    /// The time spent inside the wrapped transport's `send`, summed over the requests.
    private(set) var waiting: Duration = .zero
    /// The time during which at least one request was out (the union of their spans).
    private(set) var busy: Duration = .zero
    /// The most requests out at once.
    private(set) var mostInFlight = 0
    /// The response bodies' bytes, summed.
    private(set) var bodyBytes = 0
    private var inFlight = 0
    private var busySince: ContinuousClock.Instant?

    func sent(at instant: ContinuousClock.Instant) {
        if inFlight == 0 { busySince = instant }
        inFlight += 1
        mostInFlight = max(mostInFlight, inFlight)
    }

    func answered(_ url: URL?, sentAt start: ContinuousClock.Instant, at end: ContinuousClock.Instant, bodyBytes: Int) {
        if let url {
            urls.append(url)
            self.bodyBytes += bodyBytes
        }
        waiting += start.duration(to: end)
        inFlight -= 1
        if inFlight == 0, let busySince { busy += busySince.duration(to: end) }
    }
}
