import Foundation

/// Makes mutated bodies from a spec example, deterministically from a seed.
///
/// ```swift
/// var mutator = try BodyMutator(example: SpecExample.data("order-active.response"), seed: 7)
/// let broken = mutator.mutate(.notADecimal)   // a price of "0x10", say
/// ```
struct BodyMutator {
    private let tree: FuzzJSON
    /// The example as the spec writes it, over several lines.
    private let example: Data
    /// The example as one line.
    private let compact: Data
    private let paths: [[FuzzJSON.Step]]
    private var random: FuzzRandom
    /// The token a mutation may echo into the body.
    let token: String

    init(example: Data, seed: UInt64, token: String) throws {
        tree = try FuzzJSON(parsing: example)
        self.example = example
        compact = Data(tree.text.utf8)
        paths = tree.paths()
        random = FuzzRandom(seed: seed)
        self.token = token
    }

    /// Texts that a careless decoder would take for a decimal amount.
    static let notDecimals = [
        "1e999", "NaN", "", " 1", "0x10", "1.", ".5", "+1", "1,5", "Infinity", "-", "1.2.3", "--1", "1 ", "٣", "0.1e-5", String(repeating: "9", count: 400),
    ]
    /// Numbers beyond `Int64`, `Double` and `Decimal`.
    static let hugeNumbers = [
        "1e999", "-1e999", "18446744073709551616", "9223372036854775808", "1" + String(repeating: "0", count: 400), "1e-999", "-0", "1E+308",
    ]
    /// Strings whose bytes or escapes are easy to mishandle.
    static let oddities: [FuzzJSON] = [
        .string("\u{0}"), .string("e\u{301}"), .string("\u{FEFF}BTC-USDT"), .string("🪙💰"), .string("\u{202E}TDSU-CTB"), .string("\\\"/\n\t"),
        .literal(#""\ud800""#), .literal(#""\udc00\ud800""#), .literal(#""\u0000""#), .literal(#""\uZZZZ""#), .literal(#""\x41""#), .literal("\"\u{1}\""),
    ]

    /// A body broken by `mutation`, or `nil` when the example has nothing it applies to
    /// (`flipBool` on a body without booleans).
    mutating func mutate(_ mutation: BodyMutation) -> MutatedBody? {
        switch mutation {
        case .truncate:
            return MutatedBody(body: example.prefix(Int.random(in: 0..<example.count, using: &random)), mutation: mutation)
        case .byteFlip:
            var bytes = compact
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= UInt8.random(in: 1...255, using: &random)
            }
            return MutatedBody(body: bytes, mutation: mutation)
        case .dropField, .duplicateKey:
            return changeMember(mutation)
        default:
            return changeValue(mutation)
        }
    }

    /// Removes a member, or writes it again after itself with another value.
    private mutating func changeMember(_ mutation: BodyMutation) -> MutatedBody? {
        let members = paths.filter { if case .member = $0.last { true } else { false } }
        guard let path = members.randomElement(using: &random), case .member(let index, let key) = path.last else { return nil }
        let original = tree.value(at: path[...]) ?? .null
        let twin = Bool.random(using: &random) ? original : replacement(for: original, .swapType) ?? .null
        let changed = tree.updating(at: path.dropLast()) { parent in
            guard case .object(var members) = parent else { return parent }
            if mutation == .dropField {
                members.remove(at: index)
            } else {
                members.insert(FuzzJSON.Member(key: key, value: twin), at: index + 1)
            }
            return .object(members)
        }
        return MutatedBody(body: Data(changed.text.utf8), mutation: mutation, path: path)
    }

    /// Replaces one value the mutation applies to.
    private mutating func changeValue(_ mutation: BodyMutation) -> MutatedBody? {
        let candidates = paths.filter { path in tree.value(at: path[...]).map { applies(mutation, to: $0) && (!path.isEmpty || mutation == .swapType) } ?? false
        }
        guard let path = candidates.randomElement(using: &random), let original = tree.value(at: path[...]),
            let new = replacement(for: original, mutation)
        else { return nil }
        return MutatedBody(body: Data(tree.updating(at: path[...]) { _ in new }.text.utf8), mutation: mutation, path: path)
    }

    private func applies(_ mutation: BodyMutation, to value: FuzzJSON) -> Bool {
        switch (mutation, value) {
        case (.flipBool, .bool), (.unknownEnum, .string), (.longString, .string), (.unicodeOddity, .string), (.tokenEcho, .string): true
        case (.hugeNumber, .literal), (.hugeNumber, .string), (.notADecimal, .literal), (.notADecimal, .string): true
        case (.emptyContainer, .array), (.emptyContainer, .object): true
        case (.nullField, _), (.swapType, _), (.deepNesting, _): true
        default: false
        }
    }

    private mutating func replacement(for value: FuzzJSON, _ mutation: BodyMutation) -> FuzzJSON? {
        switch (mutation, value) {
        case (.nullField, _): return .null
        case (.swapType, _):
            let others: [FuzzJSON] = [
                .string("1"), .literal("1"), .bool(true), .object([]), .array([]), .array([value]), .object([.init(key: "value", value: value)]),
            ]
            return others.filter { !$0.isSameType(as: value) }.randomElement(using: &random)
        case (.flipBool, .bool(let flag)): return .bool(!flag)
        case (.unknownEnum, _): return .string("NOT_A_KNOWN_VALUE_\(Int.random(in: 0..<100, using: &random))")
        case (.hugeNumber, _): return .literal(Self.hugeNumbers.randomElement(using: &random)!)
        case (.notADecimal, _): return .string(Self.notDecimals.randomElement(using: &random)!)
        case (.longString, _): return .string(String(repeating: "0123456789.", count: Int.random(in: 1_000...10_000, using: &random)))
        case (.unicodeOddity, _): return Self.oddities.randomElement(using: &random)!
        case (.tokenEcho, _): return .string(Bool.random(using: &random) ? token : "Bearer \(token)")
        case (.emptyContainer, .array): return .array([])
        case (.emptyContainer, .object): return .object([])
        case (.deepNesting, _):
            let depth = [64, 600, 20_000].randomElement(using: &random)!
            return Bool.random(using: &random)
                ? .literal(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
                : .literal(String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth))
        default: return nil
        }
    }

    /// A path as decoding errors write it: `.data[0].price`, and `` for the root.
    static func text(of path: [FuzzJSON.Step]) -> String {
        path.map { step in
            switch step {
            case .member(_, let key): ".\(key)"
            case .element(let index): "[\(index)]"
            }
        }.joined()
    }
}

extension FuzzJSON {
    /// Whether both are strings, numbers, booleans, nulls, arrays or objects.
    func isSameType(as other: FuzzJSON) -> Bool {
        switch (self, other) {
        case (.null, .null), (.bool, .bool), (.literal, .literal), (.string, .string), (.array, .array), (.object, .object): true
        default: false
        }
    }
}
