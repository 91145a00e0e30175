/// An exact decimal number for sums and products of amounts, however many digits they reach:
/// a sign, a magnitude in base-10⁹ limbs, and a count of fraction digits. `Decimal` keeps 38
/// significant digits and rounds silently past them; this never rounds.
///
/// ```swift
/// var total = ExactSum.zero
/// total += ExactSum(ExactDecimal("1.2500")!) * ExactSum(ExactDecimal("2000.50")!)
/// total.text  // "2500.625"
/// ```
public struct ExactSum: Hashable, Sendable, Comparable, CustomStringConvertible {
    private static let base: UInt64 = 1_000_000_000

    /// Whether it is below zero; zero is never negative.
    private var negative: Bool
    /// The digits without the point, least significant limb first, no high zero limbs.
    private var limbs: [UInt32]
    /// How many of the digits are after the point.
    private var scale: Int

    /// Zero.
    public static let zero = ExactSum(negative: false, limbs: [], scale: 0)

    private init(negative: Bool, limbs: [UInt32], scale: Int) {
        var limbs = limbs
        while limbs.last == 0 { limbs.removeLast() }
        self.negative = negative && !limbs.isEmpty
        self.limbs = limbs
        self.scale = scale
    }

    /// The amount's exact value, from its text.
    public init(_ amount: ExactDecimal) {
        let text = amount.text
        let negative = text.hasPrefix("-")
        let parts = (negative ? text.dropFirst() : Substring(text)).split(separator: ".", omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? parts[1] : ""
        let digits = Array((parts[0] + fraction).utf8)
        var limbs: [UInt32] = []
        var end = digits.count
        while end > 0 {
            let start = max(0, end - 9)
            limbs.append(digits[start..<end].reduce(0) { $0 * 10 + UInt32($1 - 48) })
            end = start
        }
        self.init(negative: negative, limbs: limbs, scale: fraction.count)
    }

    /// The value as a plain decimal literal, trailing fraction zeros dropped: `"-12.5"`, `"0"`.
    public var text: String {
        var digits = limbs.reversed().enumerated().map { index, limb in
            index == 0 ? String(limb) : String(String(limb + 1_000_000_000).dropFirst())
        }.joined()
        if digits.isEmpty { digits = "0" }
        if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
        var integer = String(digits.dropLast(scale))
        var fraction = String(digits.suffix(scale))
        while fraction.last == "0" { fraction.removeLast() }
        if integer.isEmpty { integer = "0" }
        return (negative ? "-" : "") + integer + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// ``text``.
    public var description: String { text }

    /// The value as an ``ExactDecimal``, whose text is ``text``.
    public var amount: ExactDecimal { ExactDecimal(text)! }

    /// Whether it is zero.
    public var isZero: Bool { limbs.isEmpty }

    /// Whether it is below zero.
    public var isNegative: Bool { negative }

    /// Whether the two are the same number, however many fraction digits each is written with.
    public static func == (left: ExactSum, right: ExactSum) -> Bool {
        let (a, b) = aligned(left, right)
        return a.negative == b.negative && a.limbs == b.limbs
    }

    /// Hashes the number, so that equal numbers hash alike.
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// Whether `left` is the smaller number.
    public static func < (left: ExactSum, right: ExactSum) -> Bool {
        let (a, b) = aligned(left, right)
        if a.negative != b.negative { return a.negative }
        let order = compareMagnitudes(a.limbs, b.limbs)
        return a.negative ? order > 0 : order < 0
    }

    /// The number with the other sign.
    public static prefix func - (value: ExactSum) -> ExactSum { ExactSum(negative: !value.negative, limbs: value.limbs, scale: value.scale) }

    /// The exact sum.
    public static func + (left: ExactSum, right: ExactSum) -> ExactSum {
        let (a, b) = aligned(left, right)
        if a.negative == b.negative { return ExactSum(negative: a.negative, limbs: add(a.limbs, b.limbs), scale: a.scale) }
        let order = compareMagnitudes(a.limbs, b.limbs)
        if order == 0 { return .zero }
        return order > 0
            ? ExactSum(negative: a.negative, limbs: subtract(a.limbs, b.limbs), scale: a.scale)
            : ExactSum(negative: b.negative, limbs: subtract(b.limbs, a.limbs), scale: a.scale)
    }

    /// The exact difference.
    public static func - (left: ExactSum, right: ExactSum) -> ExactSum { left + -right }

    /// The exact product: as many fraction digits as both together, before trailing zeros are dropped.
    public static func * (left: ExactSum, right: ExactSum) -> ExactSum {
        guard !left.isZero, !right.isZero else { return .zero }
        var product = [UInt64](repeating: 0, count: left.limbs.count + right.limbs.count + 1)
        for (i, a) in left.limbs.enumerated() {
            var carry: UInt64 = 0
            for (j, b) in right.limbs.enumerated() {
                let value = product[i + j] + UInt64(a) * UInt64(b) + carry
                product[i + j] = value % base
                carry = value / base
            }
            var k = i + right.limbs.count
            while carry > 0 {
                let value = product[k] + carry
                product[k] = value % base
                carry = value / base
                k += 1
            }
        }
        return ExactSum(negative: left.negative != right.negative, limbs: product.map { UInt32($0) }, scale: left.scale + right.scale)
    }

    /// Adds `right` to `left`.
    public static func += (left: inout ExactSum, right: ExactSum) { left = left + right }
    /// Subtracts `right` from `left`.
    public static func -= (left: inout ExactSum, right: ExactSum) { left = left - right }

    /// `left` and `right` with as many fraction digits each.
    private static func aligned(_ left: ExactSum, _ right: ExactSum) -> (ExactSum, ExactSum) {
        let scale = max(left.scale, right.scale)
        return (left.scaled(to: scale), right.scaled(to: scale))
    }

    /// The same value written with `scale` fraction digits (never fewer than it has).
    private func scaled(to newScale: Int) -> ExactSum {
        var shift = newScale - scale
        guard shift > 0, !isZero else { return ExactSum(negative: negative, limbs: limbs, scale: newScale) }
        var result = limbs
        while shift >= 9 {
            result.insert(0, at: 0)
            shift -= 9
        }
        if shift > 0 {
            let factor = UInt64((0..<shift).reduce(1) { value, _ in value * 10 })
            var carry: UInt64 = 0
            for index in result.indices {
                let value = UInt64(result[index]) * factor + carry
                result[index] = UInt32(value % Self.base)
                carry = value / Self.base
            }
            if carry > 0 { result.append(UInt32(carry)) }
        }
        return ExactSum(negative: negative, limbs: result, scale: newScale)
    }

    private static func compareMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for (x, y) in zip(a.reversed(), b.reversed()) where x != y { return x < y ? -1 : 1 }
        return 0
    }

    private static func add(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        var carry: UInt64 = 0
        for index in 0..<max(a.count, b.count) {
            let value = UInt64(index < a.count ? a[index] : 0) + UInt64(index < b.count ? b[index] : 0) + carry
            result.append(UInt32(value % base))
            carry = value / base
        }
        if carry > 0 { result.append(UInt32(carry)) }
        return result
    }

    /// `a − b` for `a ≥ b`.
    private static func subtract(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        var borrow: Int64 = 0
        for index in a.indices {
            var value = Int64(a[index]) - Int64(index < b.count ? b[index] : 0) - borrow
            borrow = value < 0 ? 1 : 0
            if value < 0 { value += Int64(base) }
            result.append(UInt32(value))
        }
        return result
    }
}
