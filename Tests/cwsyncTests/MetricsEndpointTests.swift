import CoinWeightTestSupport
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `cwsync run --metrics-port`: the built daemon serves what `cwsync status --json` reports as
/// Prometheus gauges, on loopback only unless told otherwise, and still stops on SIGTERM.
@Suite("cwsync run --metrics-port", .serialized)
struct MetricsEndpointTests {
    @Test("the scrape equals status --json after a delivery and with a write held offline; other paths are 404; SIGTERM exits 0")
    func scrapeMatchesStatus() async throws {
        try await withTemporaryDirectory { folder in
            let store = folder.appendingPathComponent("cwsync.sqlite").path
            let emulator = try CWSyncBinary.launch(["--port", "0", "--control"], of: .emulator)
            defer { emulator.kill() }
            let api = try #require(URL(string: try await emulator.firstLine()), "the emulator printed no URL")
            let login = try await CWSyncBinary.run(
                ["login", "--user", "abc", "--password-stdin", "--store", store, "--endpoint", api.absoluteString], input: "abc_password\n")
            #expect(login.status == 0, "\(login.err)")
            let symbols = try await CWSyncBinary.run(["sync", "symbols", "--store", store])
            #expect(symbols.status == 0, "the config a favorite is checked against: \(symbols.err)")
            let queued = try await CWSyncBinary.run(["favorite", "add", "okcoin", "BTC-USDT", "--store", store, "--endpoint", api.absoluteString])
            #expect(queued.status == 0, "\(queued.err)")

            let taken = try await CWSyncBinary.run([
                "run", "--store", store, "--endpoint", api.absoluteString, "--metrics-port", String(try #require(api.port)),
            ])
            #expect(
                taken.status == 1 && taken.err.hasPrefix("cwsync: cannot serve metrics on 127.0.0.1 port") && taken.err.split(separator: "\n").count == 1,
                "\(taken.err)")

            let daemon = try CWSyncBinary.launch([
                "run", "--store", store, "--endpoint", api.absoluteString, "--interval", "3600", "--metrics-port", "0",
            ])
            defer { daemon.kill() }
            let line = try await daemon.firstLine()
            #expect(line.hasPrefix("metrics: http://127.0.0.1:") && line.hasSuffix("/metrics"), "\(line)")
            let metrics = try #require(URL(string: String(line.dropFirst("metrics: ".count))))

            try await waitUntil("the daemon delivered the favorite and synced every resource") {
                let values = try await Self.scrape(metrics).values
                let failing = values.filter { $0.key.hasPrefix("cwsync_resource_failing{") }
                return values[#"cwsync_outbox_entries{state="delivered"}"#] == 1 && !failing.isEmpty && failing.values.allSatisfy { $0 == 0 }
            }
            let online = try await Self.expectScrapeMatchesStatus(metrics, store: store)
            #expect(online[#"cwsync_outbox_delivery_seconds{quantile="0.99"}"#] != nil && online["cwsync_auth_logged_in"] == 1)

            // The server stops taking favorites: a second one waits in the outbox, retried.
            var faults = URLRequest(url: api.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("_emulator/faults"))
            faults.httpMethod = "PUT"
            faults.httpBody = Data(#"{"serverErrorRate":1,"paths":["/config/market/custom/2/favorite/add"]}"#.utf8)
            #expect((try await URLSession.shared.data(for: faults).1 as? HTTPURLResponse)?.statusCode == 200)
            let held = try await CWSyncBinary.run(["favorite", "add", "huobi", "ETH-USDT", "--store", store, "--endpoint", api.absoluteString])
            #expect(held.status == 0, "\(held.err)")
            try await waitUntil("the daemon tried the second favorite") {
                try await Self.scrape(metrics).values["cwsync_outbox_retries"].map { $0 >= 1 } ?? false
            }
            let offline = try await Self.expectScrapeMatchesStatus(metrics, store: store)
            #expect(offline[#"cwsync_outbox_entries{state="pending"}"#] == 1 && offline[#"cwsync_outbox_entries{state="delivered"}"#] == 1)

            let other = try await Self.scrape(metrics.deletingLastPathComponent().appendingPathComponent("status"))
            #expect(other.status == 404)

            let (_, exit, log) = await daemon.terminate()
            #expect(exit == .status(0), "\(log)")
            await #expect(throws: (any Error).self, "nothing listens once the daemon is gone") { try await Self.scrape(metrics) }
        }
    }

    @Test("a --metrics-address that is not loopback is one line on standard error and exit 64, before the store is touched")
    func remoteAddressRefused() async throws {
        try await withTemporaryDirectory { folder in
            let store = folder.appendingPathComponent("cwsync.sqlite").path
            let refused = try await CWSyncBinary.run(["run", "--store", store, "--metrics-port", "0", "--metrics-address", "0.0.0.0"])
            #expect(refused.status == 64 && refused.out.isEmpty, "\(refused.out)")
            #expect(
                refused.err.split(separator: "\n") == [
                    "cwsync: --metrics-address 0.0.0.0 is not a loopback address: pass --allow-remote-metrics to serve the metrics beyond this machine"
                ])
            #expect(!FileManager.default.fileExists(atPath: store) && !FileManager.default.fileExists(atPath: store + ".lock"))
        }
    }

    /// `GET url`: the status and the samples (`name{labels}` to value) of the body.
    private static func scrape(_ url: URL) async throws -> (status: Int?, values: [String: Double]) {
        let (body, response) = try await URLSession.shared.data(from: url)
        var values: [String: Double] = [:]
        for line in String(decoding: body, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
            values[String(line[..<space])] = value
        }
        return ((response as? HTTPURLResponse)?.statusCode, values)
    }

    /// Reads `status --json` between two scrapes until the daemon changed nothing in between,
    /// then expects the scrape to hold exactly the report's values.
    /// - Returns: the scrape.
    private static func expectScrapeMatchesStatus(_ metrics: URL, store: String) async throws -> [String: Double] {
        let age = "cwsync_outbox_oldest_waiting_age_seconds"
        var settled: (scrape: [String: Double], report: [String: Any], at: Date)?
        try await waitUntil("two equal scrapes around a status") {
            let before = try await scrape(metrics).values
            let status = try await CWSyncBinary.run(["status", "--json", "--store", store])
            let after = try await scrape(metrics).values
            guard before.filter({ $0.key != age }) == after.filter({ $0.key != age }) else { return false }
            settled = (after, try #require(try JSONSerialization.jsonObject(with: Data(status.out.utf8)) as? [String: Any]), Date())
            return true
        }
        let (scraped, report, at) = try #require(settled)
        let outbox = try #require(report["outbox"] as? [String: Any])
        func seconds(_ milliseconds: Any?) -> Double? { (milliseconds as? Double).map { $0 / 1000 } }

        let reported: [String: Double?] = [
            "cwsync_store_size_bytes": try #require(report["storeBytes"] as? Double),
            "cwsync_auth_logged_in": report["user"] == nil ? 0 : 1,
            "cwsync_auth_required": report["authRequired"] as? Bool == true ? 1 : 0,
            "cwsync_outbox_retries": try #require(outbox["retries"] as? Double),
            "cwsync_auth_token_expires_timestamp_seconds": seconds(report["tokenExpiresAt"]),
            #"cwsync_outbox_delivery_seconds{quantile="0.5"}"#: seconds(outbox["deliveryP50Milliseconds"]),
            #"cwsync_outbox_delivery_seconds{quantile="0.99"}"#: seconds(outbox["deliveryP99Milliseconds"]),
        ]
        var expected = reported.compactMapValues { $0 }
        let counts = outbox["counts"] as? [String: Double] ?? [:]
        for state in ["pending", "sending", "delivered", "failed", "expired"] {
            expected[#"cwsync_outbox_entries{state="\#(state)"}"#] = counts[state] ?? 0
        }
        for resource in report["resources"] as? [[String: Any]] ?? [] {
            let label = #"{resource="\#(try #require(resource["resource"] as? String))"}"#
            expected["cwsync_resource_last_success_timestamp_seconds" + label] = seconds(resource["lastSuccessAt"])
            expected["cwsync_resource_last_attempt_timestamp_seconds" + label] = seconds(resource["lastAttemptAt"])
            expected["cwsync_resource_failing" + label] = resource["lastError"] == nil ? 0 : 1
        }

        #expect(Set(scraped.keys.filter { $0 != age }) == Set(expected.keys), "\(scraped)")
        for (series, value) in expected {
            // Timestamps go through `Date`, whose reference date may round the last digits.
            #expect(abs((scraped[series] ?? .nan) - value) < 0.002, "\(series): scraped \(String(describing: scraped[series])), status \(value)")
        }
        let waitingSince = seconds(outbox["oldestWaitingSince"]).map { at.timeIntervalSince1970 - $0 }
        #expect(abs((scraped[age] ?? .nan) - (waitingSince ?? 0)) < 5, "\(age): \(scraped[age] ?? .nan), status \(waitingSince ?? 0)")
        return scraped
    }
}
