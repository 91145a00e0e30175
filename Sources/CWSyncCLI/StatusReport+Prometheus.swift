import CoinWeightStore
import Foundation
import Prometheus

extension StatusReport {
    /// The report as Prometheus gauges in the text exposition format, every name prefixed
    /// `cwsync_`, with ages measured at `now`.
    ///
    /// A fresh registry per call: the values are read from the store at each scrape, so a
    /// resource or a token that is gone leaves no stale series behind.
    ///
    /// ```text
    /// cwsync_outbox_entries{state="pending"} 1.0
    /// cwsync_outbox_delivery_seconds{quantile="0.99"} 0.412
    /// cwsync_resource_last_success_timestamp_seconds{resource="favorites:2"} 1790000000.123
    /// ```
    func prometheusExposition(at now: Date) -> [UInt8] {
        let registry = PrometheusCollectorRegistry()
        func gauge(_ subsystem: String, _ name: String, unit: String = "", _ help: String, labels: [(String, String)] = [], _ value: Double) {
            let descriptor = MetricNameDescriptor(namespace: "cwsync", subsystem: subsystem, metricName: name, unitName: unit, helpText: help)
            registry.makeGauge(descriptor: descriptor, labels: labels).set(to: value)
        }

        gauge("store", "size", unit: "bytes", "The store's database file and its WAL.", Double(storeBytes))
        gauge("auth", "logged_in", "1 when a session is saved beside the store, else 0.", user == nil ? 0 : 1)
        gauge(
            "auth", "required", "1 when cwsync login is needed (nobody logged in, the token expired, or the server refused it), else 0.", authRequired ? 1 : 0)
        if let tokenExpiresAt {
            gauge("auth", "token_expires", unit: "timestamp_seconds", "When the session's token expires.", tokenExpiresAt.timeIntervalSince1970)
        }

        for resource in resources {
            let labels = [("resource", resource.resource)]
            if let lastSuccessAt = resource.lastSuccessAt {
                gauge(
                    "resource", "last_success", unit: "timestamp_seconds", "When the resource last synced.", labels: labels, lastSuccessAt.timeIntervalSince1970
                )
            }
            if let lastAttemptAt = resource.lastAttemptAt {
                gauge(
                    "resource", "last_attempt", unit: "timestamp_seconds", "When the resource's sync was last tried.", labels: labels,
                    lastAttemptAt.timeIntervalSince1970)
            }
            gauge("resource", "failing", "1 while the resource's last sync failed, else 0.", labels: labels, resource.lastError == nil ? 0 : 1)
        }

        for state in OutboxState.allCases {
            gauge("outbox", "entries", "Outbox entries by state.", labels: [("state", state.rawValue)], Double(outbox.counts[state.rawValue] ?? 0))
        }
        gauge("outbox", "retries", "Requests made beyond each entry's first (outbox retry resets an entry's count).", Double(outbox.retries))
        gauge(
            "outbox", "oldest_waiting_age", unit: "seconds", "How long the oldest write still pending or being sent has waited; 0 when none waits.",
            outbox.oldestWaitingSince.map { max(0, now.timeIntervalSince($0)) } ?? 0)
        for (quantile, milliseconds) in [("0.5", outbox.deliveryP50Milliseconds), ("0.99", outbox.deliveryP99Milliseconds)] {
            guard let milliseconds else { continue }
            gauge(
                "outbox", "delivery", unit: "seconds", "Enqueue to delivery over the last 1,000 writes delivered with a request.",
                labels: [("quantile", quantile)], Double(milliseconds) / 1000)
        }
        return registry.emitToBuffer()
    }
}
