extension ExactDecimal {
    /// `self × other`, exact however many digits they have: multiplied on the texts, digit by
    /// digit, never through `Decimal`'s 38 digits. Trailing zeros of the fraction are dropped.
    ///
    /// ```swift
    /// ExactDecimal("1.2500")!.multiplied(by: ExactDecimal("2000.50")!).text  // "2500.625"
    /// ```
    public func multiplied(by other: ExactDecimal) -> ExactDecimal {
        let (left, right) = (Self.digits(of: text), Self.digits(of: other.text))
        // Least significant digit first.
        var product = [Int](repeating: 0, count: left.digits.count + right.digits.count)
        for (i, a) in left.digits.reversed().enumerated() where a != 0 {
            var carry = 0
            for (j, b) in right.digits.reversed().enumerated() {
                let sum = product[i + j] + a * b + carry
                product[i + j] = sum % 10
                carry = sum / 10
            }
            var k = i + right.digits.count
            while carry > 0 {
                let sum = product[k] + carry
                product[k] = sum % 10
                carry = sum / 10
                k += 1
            }
        }
        var scale = left.scale + right.scale
        var start = 0
        while start < scale, product[start] == 0 { start += 1 }
        scale -= start
        var digits = Array(product[start...].reversed().drop { $0 == 0 })
        if digits.count <= scale { digits = [Int](repeating: 0, count: scale - digits.count + 1) + digits }
        let integer = digits.prefix(digits.count - scale).map(String.init).joined()
        let fraction = digits.suffix(scale).map(String.init).joined()
        let isZero = digits.allSatisfy { $0 == 0 }
        let sign = left.negative != right.negative && !isZero ? "-" : ""
        // The digits of two plain literals always make a plain literal.
        return ExactDecimal(sign + integer + (fraction.isEmpty ? "" : "." + fraction))!
    }

    /// The digits of a plain literal, the point left out, and how many of them follow it.
    private static func digits(of text: String) -> (negative: Bool, digits: [Int], scale: Int) {
        let negative = text.hasPrefix("-")
        let unsigned = negative ? text.dropFirst() : Substring(text)
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? parts[1] : ""
        return (negative, (parts[0] + fraction).map { Int($0.asciiValue! - 48) }, fraction.count)
    }
}
