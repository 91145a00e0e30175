import BenchmarkSupport

/// One timed phase of the delivery measurement, summed over its rounds: the outbox's
/// deliveries, or the raw requests of the same writes.
///
/// Requests that fail (a request that hangs until the transport's 15 s timeout, say) are
/// counted apart: their time is taken out of the rates, and their writes are sent again.
struct PhaseTimes {
    /// Writes the server took.
    var writes = 0
    /// The phase's wall time: the timed calls only.
    var elapsed: Duration = .zero
    /// The requests sent meanwhile, and the time inside the transport for them.
    var transport = RequestTally.Snapshot()
    /// The store's commits meanwhile (none for the raw requests).
    var commits = 0

    /// The wall time without the failed requests' time.
    var working: Duration { elapsed - transport.failureTime }
    var writesPerSecond: Double { Double(writes) / working.seconds }
    /// The working time of one write, on average.
    var perWrite: Duration { working / max(writes, 1) }
    /// The time inside the transport per write, on average, failed requests left out.
    var transportPerWrite: Duration { (transport.time - transport.failureTime) / max(writes, 1) }
    /// The rest of the working time per write: the caller's own work around the requests.
    var restPerWrite: Duration { perWrite - transportPerWrite }
    var commitsPerWrite: Double { Double(commits) / Double(max(writes, 1)) }
}
