import CoinWeightAPI
import CoinWeightTestSupport
import Foundation
import Testing

/// Every decoder of the client over the spec's examples broken in every way ``BodyMutation``
/// knows, from fixed seeds: decoding never crashes or hangs, and either succeeds with exact
/// amounts that encode again, or fails as the client's own error, in one line that says
/// where the body went wrong and never shows the token.
@Suite("Decoder fuzzing over mutated spec examples")
struct DecoderFuzzTests {
    /// Bodies tried per mutation and decoder: 15 mutations × 12 × 34 decoders ≈ 6,000 inputs.
    static let samplesPerMutation = 12
    /// The fields that hold an ``ExactDecimal``.
    static let moneyFields: Set<String> = ["price", "quantity", "filledPrice", "filledQuantity", "totalAmount", "usedAmount", "availableAmount"]

    @Test("a mutated example decodes exactly or is a malformedResponse naming where", arguments: DecoderCase.all)
    func mutatedExamples(decoder: DecoderCase) async throws {
        let example = try SpecExample.data(decoder.fixture)
        var tally = FuzzTally()
        for mutation in BodyMutation.allCases {
            var random = FuzzRandom(seed: Self.seed(decoder.name + "/" + mutation.rawValue))
            var mutator = try BodyMutator(example: example, seed: random.next(), token: specLoginToken.rawValue)
            for _ in 0..<Self.samplesPerMutation {
                guard let input = mutator.mutate(mutation) else { break }
                await check(decoder, input, &tally)
            }
        }
        print("decoder fuzz: \(decoder.name): \(tally)")
        #expect(tally.tried >= 10 * Self.samplesPerMutation, "\(decoder.name): \(tally)")
        #expect(tally.decoded > 0 && tally.malformed > 0, "both outcomes are reached: \(tally)")
    }

    @Test("the unmutated examples decode and encode back to the same value", arguments: DecoderCase.all)
    func pristineExamples(decoder: DecoderCase) async throws {
        let decoded = try await decoder.read(apiClient(CannedTransport(body: SpecExample.data(decoder.fixture))))
        #expect(decoded.roundTrips, "\(decoder.name): \(decoded.encodingFailure ?? "a different value")")
    }

    /// Runs one input through `decoder` and checks what came out.
    private func check(_ decoder: DecoderCase, _ input: MutatedBody, _ tally: inout FuzzTally) async {
        tally.tried += 1
        let client: CoinWeightClient
        do {
            client = try apiClient(CannedTransport(body: input.body))
        } catch {
            Issue.record("no client: \(error)")
            return
        }
        do {
            let decoded = try await decoder.read(client)
            tally.decoded += 1
            #expect(decoded.roundTrips, "\(decoder.name) decoded a value that does not encode back (\(decoded.encodingFailure ?? "another value")): \(input)")
            if let json = decoded.json { expectExactAmounts(in: json, from: input) }
        } catch {
            let message = "\(error)"
            #expect(!message.contains("\n") && !message.contains("\r"), "one line: \(message)")
            for secret in [specLoginToken.rawValue, String(specLoginToken.rawValue.split(separator: ".")[2])] {
                #expect(!message.contains(secret) && !String(reflecting: error).contains(secret), "the token leaked: \(message)")
            }
            switch error {
            case .malformedResponse(_, _, let reason, _):
                tally.malformed += 1
                expectNamesWhere(reason, input)
            case .rejected, .authenticationFailed:
                tally.refused += 1
                let head = try? JSONDecoder().decode(SuccessFlag.self, from: input.body)
                #expect(head?.success == false, "refused only when the body says success:false: \(input)")
            default:
                Issue.record("\(decoder.name): neither decoded nor malformedResponse but \(error): \(input)")
            }
        }
    }

    /// The reason of a body that is still JSON, changed at one path, leads there: it names that
    /// path, one inside it, its container, or an outer one and the member on the way to it
    /// ("missing key price"). Bodies that are not JSON any more only need a reason.
    private func expectNamesWhere(_ reason: String, _ input: MutatedBody) {
        #expect(!reason.isEmpty, "a reason: \(input)")
        let isJSON = (try? JSONSerialization.jsonObject(with: input.body, options: .fragmentsAllowed)) != nil
        guard isJSON, let path = input.path else { return }
        let errorPath = reason.hasPrefix("the body:") ? "" : String(reason.prefix { $0 != ":" })
        let target = BodyMutator.text(of: path)
        let ancestors = path.indices.map { BodyMutator.text(of: Array(path[..<$0])) }
        let named: Bool
        if errorPath.hasPrefix(target) || errorPath == ancestors.last {
            named = true
        } else if let depth = ancestors.firstIndex(of: errorPath), case .member(_, let key) = path[depth] {
            named = reason.contains(key)
        } else {
            named = false
        }
        #expect(named, "the reason \"\(reason)\" does not lead to \(target): \(input)")
    }

    /// Every amount decoded is a plain decimal and is, to the character, a string of the body.
    private func expectExactAmounts(in json: Data, from input: MutatedBody) {
        guard let output = try? FuzzJSON(parsing: json) else {
            Issue.record("the re-encoded value is not JSON: \(String(decoding: json, as: UTF8.self))")
            return
        }
        let sent = (try? FuzzJSON(parsing: input.body)).map { Self.amounts(in: $0) } ?? []
        for (field, value) in Self.amounts(in: output) {
            guard case .string(let text) = value, ExactDecimal(text) != nil else {
                Issue.record("\(field) is \(value.text), not a decimal string: \(input)")
                continue
            }
            #expect(sent.contains { $0.field == field && $0.value == value }, "\(field) \(text) is not as the body wrote it: \(input)")
        }
    }

    /// The money fields anywhere in `json`, with their values.
    private static func amounts(in json: FuzzJSON) -> [(field: String, value: FuzzJSON)] {
        json.paths().compactMap { path in
            guard case .member(_, let key) = path.last, moneyFields.contains(key), let value = json.value(at: path[...]) else { return nil }
            return (key, value)
        }
    }

    /// A seed from a name, the same in every run (FNV-1a; `Hasher` is seeded per process).
    private static func seed(_ name: String) -> UInt64 {
        name.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }
}

/// How the inputs given to one decoder came out.
struct FuzzTally: CustomStringConvertible {
    var tried = 0
    var decoded = 0
    var malformed = 0
    var refused = 0

    var description: String { "\(tried) inputs: \(decoded) decoded, \(malformed) malformedResponse, \(refused) refused (success:false)" }
}

/// The `success` of an envelope, to tell a refusal the mutation asked for.
private struct SuccessFlag: Decodable {
    var success: Bool
}
