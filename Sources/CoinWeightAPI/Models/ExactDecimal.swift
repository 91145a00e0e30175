public import Foundation

/// A decimal amount kept exactly as the server wrote it.
///
/// Prices and quantities travel as strings (`"0.00123"`). `ExactDecimal` keeps that text
/// untouched for storage and round trips, and offers its numeric ``value`` as a `Decimal`
/// for arithmetic and comparison. It never passes through `Double`.
///
/// ```swift
/// let price = try ExactDecimal(validating: "0.00123")
/// price.text            // "0.00123"
/// price.fractionDigits  // 5
/// ```
public struct ExactDecimal: Hashable, Sendable, CustomStringConvertible {
    /// The text as written on the wire, for example `"10.000"`.
    public let text: String
    /// The numeric value of ``text``.
    public let value: Decimal

    /// Parses a plain decimal literal: an optional `-`, digits, and an optional fraction.
    /// Returns `nil` for anything else (exponents, spaces, empty text, `NaN`).
    public init?(_ text: String) {
        guard let value = ExactDecimal.parse(text) else { return nil }
        self.text = text
        self.value = value
    }

    /// Parses like ``init(_:)`` but throws a message that quotes the rejected text.
    /// - Throws: ``InvalidDecimal`` when `text` is not a plain decimal literal.
    public init(validating text: String) throws {
        guard let parsed = ExactDecimal(text) else { throw InvalidDecimal(text: text) }
        self = parsed
    }

    /// Digits after the decimal point once trailing zeros are dropped: `"10.500"` has 1.
    /// This is the precision the symbols config limits (`priceDecimal`, `quantityDecimal`).
    public var fractionDigits: Int {
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        let fraction = text[text.index(after: dot)...]
        return fraction.count - fraction.reversed().prefix(while: { $0 == "0" }).count
    }

    /// Whether the amounts are numerically equal, whatever their trailing zeros.
    public func isSameAmount(as other: ExactDecimal) -> Bool { value == other.value }

    /// The wire text, ``text``.
    public var description: String { text }

    /// The locale of the wire format, made once: building a `Locale` per parse is costly.
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// The value of a plain decimal literal, or `nil` for anything else. Up to 19 digits
    /// (every price and quantity the API sends) are read in one pass over the bytes; longer
    /// literals go through `Decimal(string:)`.
    private static func parse(_ text: String) -> Decimal? {
        var bytes = text.utf8[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }
        var significand: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var seenDot = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard !seenDot, digits > 0 else { return nil }
                seenDot = true
                continue
            }
            guard isDigit(byte) else { return nil }
            digits += 1
            if seenDot { fractionDigits += 1 }
            if digits <= 19 { significand = significand * 10 + UInt64(byte - UInt8(ascii: "0")) }
        }
        guard digits > 0, !seenDot || fractionDigits > 0 else { return nil }
        guard digits <= 19 else { return Decimal(string: text, locale: posix) }
        return Decimal(sign: negative ? .minus : .plus, exponent: -fractionDigits, significand: Decimal(significand))
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

/// A decimal string that ``ExactDecimal`` refused.
public struct InvalidDecimal: Error, CustomStringConvertible {
    /// The rejected text.
    public let text: String
    /// A message quoting the rejected text (its first 40 characters).
    public var description: String { "\"\(text.prefix(40))\" is not a plain decimal number such as 0.00123" }
}

extension ExactDecimal: Codable {
    /// Decodes from a JSON string only: money never arrives as a binary floating-point number.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let parsed = ExactDecimal(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: InvalidDecimal(text: text).description)
        }
        self = parsed
    }

    /// Encodes the wire text as a JSON string, never as a number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

extension ExactDecimal: ExpressibleByStringLiteral {
    /// A literal in source code; it must be a plain decimal (a programming error otherwise).
    public init(stringLiteral text: String) {
        guard let parsed = ExactDecimal(text) else { preconditionFailure("invalid decimal literal \(text)") }
        self = parsed
    }
}
