import Foundation

/// The `/order/inactive` requests of the sync, as ``RecordingTransport`` saw them answered:
/// the pages `curl` fetches again, and how long the sync waited for them.
actor HistoryRequestLog {
    /// Each request's URL, in the order sent.
    private(set) var urls: [URL] = []
    /// The time spent inside the wrapped transport's `send` for them, summed.
    private(set) var waiting: Duration = .zero
    /// The response bodies' bytes, summed.
    private(set) var bodyBytes = 0

    func record(_ url: URL, elapsed: Duration, bodyBytes: Int) {
        urls.append(url)
        waiting += elapsed
        self.bodyBytes += bodyBytes
    }
}
