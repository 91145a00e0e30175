import CoinWeightAPI
import CoinWeightTestSupport
import Foundation
import Testing

/// `ExactDecimal.multiplied(by:)` and ``ExactSum``'s sums, differences and order are exact at
/// any length: checked by hand and against Python's `decimal` module on seeded random amounts
/// longer than `Decimal` holds.
@Suite("ExactDecimal products and ExactSum")
struct ExactDecimalProductTests {
    @Test(
        "hand-computed products",
        arguments: [
            ("1.2500", "2000.50", "2500.625"), ("0", "123.45", "0"), ("-1.5", "2", "-3"), ("-1.5", "-2.0", "3"), ("0.001", "0.001", "0.000001"),
            ("-0.00", "5", "0"), ("100", "1000", "100000"),
            ("0.100000000000000000000001", "12345.678901234567890123", "1234.567890123456789012312345678901234567890123"),
        ])
    func handComputed(left: String, right: String, product: String) throws {
        #expect(ExactDecimal(left)!.multiplied(by: ExactDecimal(right)!).text == product)
        #expect(ExactDecimal(right)!.multiplied(by: ExactDecimal(left)!).text == product, "commutes")
    }

    @Test("2,000 seeded random pairs of up to 30 digits each: products, sums, differences and order equal Python's decimal")
    func againstPython() async throws {
        var random = FuzzRandom(seed: 42)
        func amount() -> String {
            let digits = (0..<Int.random(in: 1...30, using: &random)).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
            let point = Int.random(in: 0...digits.count, using: &random)
            let integer = point == 0 ? "0" : String(digits.prefix(point))
            let fraction = digits.dropFirst(point)
            return (Bool.random(using: &random) ? "-" : "") + integer + (fraction.isEmpty ? "" : "." + fraction)
        }
        let pairs = (0..<2_000).map { _ in (amount(), amount()) }
        try await withTemporaryDirectory { folder in
            let input = folder.appendingPathComponent("pairs.txt")
            try pairs.map { "\($0.0) \($0.1)" }.joined(separator: "\n").write(to: input, atomically: true, encoding: .utf8)
            let output = folder.appendingPathComponent("products.txt")
            let script = """
                import sys
                from decimal import Decimal, getcontext
                getcontext().prec = 200
                for line in open(sys.argv[1]):
                    a, b = map(Decimal, line.split())
                    print(a * b, a + b, a - b, int(a < b))
                """
            let python = try ChildProcess.spawn("/usr/bin/env", ["python3", "-c", script, input.path], output: output)
            #expect(await python.exited() == .status(0))
            let expected = try String(contentsOf: output, encoding: .utf8).split(separator: "\n").map(String.init)
            try #require(expected.count == pairs.count)
            for ((left, right), python) in zip(pairs, expected) {
                let results = python.split(separator: " ").map(String.init)
                let product = ExactDecimal(left)!.multiplied(by: ExactDecimal(right)!)
                let (a, b) = (ExactSum(ExactDecimal(left)!), ExactSum(ExactDecimal(right)!))
                // Python keeps trailing zeros and writes -0 and exponents for some; compare numerically, at full precision.
                #expect(Self.same(product.text, results[0]), "\(left) × \(right): \(product.text), Python \(results[0])")
                #expect(Self.same((a + b).text, results[1]), "\(left) + \(right): \((a + b).text), Python \(results[1])")
                #expect(Self.same((a - b).text, results[2]), "\(left) − \(right): \((a - b).text), Python \(results[2])")
                #expect((a < b) == (results[3] == "1"), "\(left) < \(right)")
            }
        }
    }

    /// Whether two decimal texts (Python's may have an exponent) are the same number, exactly.
    static func same(_ text: String, _ python: String) -> Bool {
        func normalized(_ value: String) -> String {
            var text = value
            var exponent = 0
            if let e = text.firstIndex(where: { $0 == "E" || $0 == "e" }) {
                exponent = Int(text[text.index(after: e)...])!
                text = String(text[..<e])
            }
            let negative = text.hasPrefix("-")
            if negative { text.removeFirst() }
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            var digits = Array(parts[0] + (parts.count > 1 ? parts[1] : ""))
            if digits.allSatisfy({ $0 == "0" }) { return "0" }
            var scale = (parts.count > 1 ? parts[1].count : 0) - exponent
            while scale < 0 {
                digits.append("0")
                scale += 1
            }
            while scale > 0, digits.last == "0" {
                digits.removeLast()
                scale -= 1
            }
            while digits.count > scale + 1, digits.first == "0" { digits.removeFirst() }
            return (negative ? "-" : "") + String(digits) + "e-\(scale)"
        }
        return normalized(text) == normalized(python)
    }
}
