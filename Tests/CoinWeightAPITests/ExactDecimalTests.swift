import CoinWeightAPI
import CoinWeightTestSupport
import Foundation
import Testing

/// Money stays exact: the server's text is kept, numbers are never read from floats.
@Suite("ExactDecimal")
struct ExactDecimalTests {
    @Test("plain decimals keep their text", arguments: ["0", "10.000", "0.00123", "-1.5", "123456789012345678901234567890.000000000000000000000000000001"])
    func keepsText(text: String) throws {
        let decimal = try ExactDecimal(validating: text)
        #expect(decimal.text == text && decimal.description == text)
        let encoded = try JSONEncoder().encode([decimal])
        #expect(String(decoding: encoded, as: UTF8.self) == "[\"\(text)\"]")
        #expect(try JSONDecoder().decode([ExactDecimal].self, from: encoded) == [decimal])
    }

    @Test("anything but a plain decimal is refused", arguments: ["", " 1", "1 ", "1e5", "1.", ".5", "NaN", "+1", "1,5", "0x10", "--1", "١٢"])
    func refuses(text: String) {
        #expect(ExactDecimal(text) == nil)
        #expect(throws: InvalidDecimal.self) { try ExactDecimal(validating: text) }
    }

    @Test("a JSON number is refused: money never passes through a float")
    func refusesNumbers() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([ExactDecimal].self, from: Data("[0.1]".utf8)) }
    }

    @Test("precision and amount comparisons")
    func precision() {
        let a: ExactDecimal = "10.500"
        let b: ExactDecimal = "10.5"
        let small: ExactDecimal = "0.00123"
        let whole: ExactDecimal = "7"
        #expect(a.fractionDigits == 1 && small.fractionDigits == 5 && whole.fractionDigits == 0)
        #expect(a != b, "different text is a different value for the store")
        #expect(a.isSameAmount(as: b))
        let tenth: ExactDecimal = "0.1"
        let fifth: ExactDecimal = "0.2"
        let sum: ExactDecimal = "0.3"
        #expect(tenth.value + fifth.value == sum.value, "no binary rounding")
    }

    @Test(
        "the value equals Decimal(string:), short and long, signed and not",
        arguments: [
            "0", "-0", "7", "0.00123", "-12.5", "10.000", "9999999999999999999", "1234567890.123456789",
            "12345678901234567890", "0.00000000000000000000001", "-98765432109876543210.0123456789",
        ])
    func valueMatchesFoundation(text: String) throws {
        let parsed = try #require(ExactDecimal(text))
        #expect(parsed.value == Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
        #expect(parsed.text == text)
    }
}
