import CoinWeightAPI
import CoinWeightEmulator
import Testing

@Suite("Secret API contract")
struct SecretContractTests {
    @Test(arguments: Wire.allCases) func addListDeleteKeepsTheSecretMasked(wire: Wire) async throws {
        try await wire.withRunning { running, state in
            let abc = try await running.login()
            #expect(try await abc.client.secrets(owner: "2").isEmpty)
            try await abc.client.addSecret(NewSecret(counterParty: "huobi", owner: "2", apiKey: "123456", secretKey: "kkkkkk"))
            let listed = try await abc.client.secrets(owner: "2")
            #expect(listed == [SecretMetadata(counterParty: "huobi", owner: "2", apiKey: "123456", maskedSecretKey: "k****k")])
            #expect(await state.snapshot().secrets == listed)
            try await abc.client.deleteSecret(SecretReference(counterParty: "huobi", owner: "2"))
            #expect(try await abc.client.secrets(owner: "2").isEmpty)
        }
    }

    @Test(arguments: Wire.allCases) func duplicateAndWrongOwnerAreRefused(wire: Wire) async throws {
        try await wire.withRunning { running, _ in
            let abc = try await running.login()
            let secret = NewSecret(counterParty: "huobi", owner: "2", apiKey: "123456", secretKey: "kkkkkk")
            try await abc.client.addSecret(secret)
            let duplicate = await #expect(throws: CoinWeightError.self) { try await abc.client.addSecret(secret) }
            guard case .rejected(let business)? = duplicate else {
                Issue.record("expected a refusal")
                return
            }
            #expect(business.reason == .duplicatedSecret)
            #expect(business.code == 1)
            let wrongOwner = await #expect(throws: CoinWeightError.self) { try await abc.client.secrets(owner: "no-such-owner") }
            guard case .rejected(let refusal)? = wrongOwner else {
                Issue.record("expected a refusal")
                return
            }
            #expect(refusal.reason == .wrongOwner)
            #expect(refusal.code == 500)
        }
    }
}
