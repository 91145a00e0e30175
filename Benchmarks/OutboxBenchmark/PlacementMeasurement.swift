import BenchmarkSupport
import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightHTTPClient
import CoinWeightStore
import CoinWeightSync
import Foundation

/// Order placement over loopback TLS, as an app's running outbox does it: from `placeOrder`
/// (the entry committed already marked sending, since nothing is ahead of it) to the server's
/// acknowledgement recorded, beside a raw `createOrder` of the same order on the same pooled
/// HTTPS connections, alternating.
struct PlacementMeasurement {
    /// Enqueue to acknowledgement recorded, one per order.
    var placements: [Duration]
    /// One raw pooled HTTPS POST of the order, one per order.
    var raw: [Duration]

    /// `fraction` (0...1) of `durations`, sorted.
    static func percentile(_ durations: [Duration], _ fraction: Double) -> Duration {
        let sorted = durations.sorted()
        guard !sorted.isEmpty else { return .zero }
        return sorted[min(sorted.count - 1, max(0, Int((Double(sorted.count) * fraction).rounded(.up)) - 1))]
    }

    /// Places `count` orders both ways (after five of each not counted) against an emulator
    /// in this process serving HTTPS with a certificate of its own CA, which the transport trusts.
    static func run(count: Int, work: WorkFolder) async throws -> PlacementMeasurement {
        let tls = try EmulatorTLS.selfSigned()
        return try await CoinWeightEmulator.withRunning(EmulatorConfiguration(tls: tls)) { running, _ in
            let caFile = try work.freshFile("emulator-ca.pem")
            try Data(tls.caCertificatePEM.utf8).write(to: caFile)
            let transport = try AsyncHTTPClientTransport(configuration: .init(additionalCAFiles: [caFile.path]))
            let client = try CoinWeightClient(baseURL: running.baseURL, transport: transport)
            let uid = try await client.login(Credentials(userName: "abc", password: "abc_password")).uid
            let store = try CoinWeightStore(path: try work.freshFile("placement.sqlite").path)
            defer { try? store.close() }
            try await OutboxBenchmark.syncSymbols(into: store, client: client, uid: uid)
            let outbox = Outbox(client: client, store: store)
            let running = Task { await outbox.run(uid: { uid }) }
            defer { running.cancel() }
            while await outbox.runningFor != uid { await Task.yield() }
            await outbox.finishDelivery()  // its first pass, which finds nothing to send
            let order = NewOrder(
                orderType: .limit, symbol: "ETH-USDT", side: .bid, owner: uid.ownAccount, counterParty: "binance", price: "2000.50", quantity: "1.2500")
            var measurement = PlacementMeasurement(placements: [], raw: [])
            let clock = ContinuousClock()
            for index in 0..<(count + 5) {
                let rawStart = clock.now
                _ = try await client.createOrder(order)
                let raw = rawStart.duration(to: clock.now)
                let placeStart = clock.now
                let (entry, _) = try await outbox.placeOrder(order, uid: uid)
                await outbox.finishDelivery()
                let placement = placeStart.duration(to: clock.now)
                let state = try await store.read(.outboxEntry(id: entry))?.state
                guard state == .delivered else {
                    throw OutboxBenchmarkError.deliveryIncomplete(round: index, expected: 1, report: "not sent at once: \(state.map { "\($0)" } ?? "gone")")
                }
                if index >= 5 {
                    measurement.raw.append(raw)
                    measurement.placements.append(placement)
                }
            }
            return measurement
        }
    }
}
