import CoinWeightAPI
import CoinWeightStore
import CoinWeightSync
import CoinWeightTestSupport
import Foundation
import Testing

/// Secrets never go through the outbox: offline, adding one fails at once with a clear
/// error, and the plaintext never reaches the store's files.
@Suite("Secrets are online only")
struct SecretsOnlineOnlyTests {
    @Test("offline, a secret add fails at once (one attempt, no retry) with an error that says so, and nothing of it is on disk")
    func offlineSecretAddFailsAtOnce() async throws {
        try await SyncHarness.withOutbox { harness, _ in
            let transport = ScriptedTransport()
            let unreachable = try CoinWeightClient(baseURL: URL(string: "http://127.0.0.1:9")!, transport: transport, authToken: harness.client.authToken)
            let secret = NewSecret(counterParty: "binance", owner: "2", apiKey: "key-offline", secretKey: "plaintext-secret-7f3a")
            let error = await #expect(throws: CoinWeightError.self) { try await unreachable.addSecret(secret) }
            #expect(transport.requestedPaths.count == 1, "one attempt: \(transport.requestedPaths)")
            #expect(error?.mayHaveReachedServer == false && error?.description.contains("could not connect") == true, "\(String(describing: error))")
            let entries = try await harness.store.read(.outbox())
            #expect(entries.isEmpty, "nothing queued")
            // Read by grep in a child process: closing a file opened here on the store would
            // drop this process's SQLite locks on it.
            let holding = try await filesHolding("plaintext-secret-7f3a", in: harness.folder)
            #expect(holding.isEmpty, "no plaintext in the store, its WAL or anything beside them: \(holding)")
        }
    }
}
