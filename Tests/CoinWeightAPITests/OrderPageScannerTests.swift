import CoinWeightTestSupport
import Foundation
import Testing

@testable import CoinWeightAPI

/// The byte scanner of order pages reads what Codable reads, or gives way to it: on the spec's
/// example, on every mutation of it the fuzz corpus makes, and on 100,000 random orders in
/// pages of 1,000, written compact, pretty, with sorted keys and with other fields around.
@Suite("Order page scanner")
struct OrderPageScannerTests {
    /// What Codable reads from `body`: the page of a successful envelope, else `nil`.
    static func codable(_ body: Data) -> InactiveOrderPage? {
        guard let envelope = try? JSONDecoder().decode(Envelope<InactiveOrderPage>.self, from: body), envelope.head.success else { return nil }
        return envelope.data
    }

    @Test("the spec's example page reads the same as through Codable")
    func specExample() throws {
        let body = try SpecExample.data("order-inactive.response")
        let scanned = try #require(OrderPageScanner.page(from: body), "the spec's own form is the plain form")
        #expect(scanned == Self.codable(body))
    }

    @Test("every mutation of the example: the scanner reads what Codable reads, or nothing", arguments: BodyMutation.allCases)
    func fuzzCorpus(mutation: BodyMutation) throws {
        let example = try SpecExample.data("order-inactive.response")
        var random = FuzzRandom(seed: mutation.rawValue.utf8.reduce(20_261_201 as UInt64) { $0 &* 31 &+ UInt64($1) })
        var mutator = try BodyMutator(example: example, seed: random.next(), token: "not-a-token")
        var tried = 0
        for _ in 0..<200 {
            guard let input = mutator.mutate(mutation) else { break }
            tried += 1
            guard let scanned = OrderPageScanner.page(from: input.body) else { continue }
            #expect(scanned == Self.codable(input.body), "\(mutation): the scanner read what Codable does not: \(input)")
        }
        #expect(tried > 0)
    }

    @Test("100,000 random orders in 100 pages, four ways of writing them: the same orders through both")
    func randomOrders() throws {
        var random = FuzzRandom(seed: 42)
        var scannedPages = 0
        for pageIndex in 0..<100 {
            let orders = (0..<1_000).map { _ in Self.randomOrder(&random) }
            let page = InactiveOrderPage(totalPage: Int.random(in: 1...10_000, using: &random), content: orders)
            let body = try Self.body(for: page, style: pageIndex % 4, random: &random)
            let codable = try #require(Self.codable(body), "page \(pageIndex) must decode")
            #expect(codable == page)
            if let scanned = OrderPageScanner.page(from: body) {
                scannedPages += 1
                #expect(scanned == codable, "page \(pageIndex) in style \(pageIndex % 4)")
            }
        }
        // Only a string JSONEncoder escapes (a slash) sends a page to Codable.
        #expect(scannedPages >= 60, "the scanner read \(scannedPages) of 100 pages")
    }

    /// A random order: known and unknown enum values, decimals of every size, ids and names
    /// with non-ASCII letters and now and then a character JSON escapes.
    static func randomOrder(_ random: inout FuzzRandom) -> Order {
        func decimal() -> ExactDecimal {
            let whole = String(UInt64.random(in: 0...UInt64.max, using: &random) % [10, 1_000, 10_000_000, UInt64.max][Int.random(in: 0..<4, using: &random)])
            let digits = Int.random(in: 0...12, using: &random)
            let fraction = digits == 0 ? "" : "." + String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
            return ExactDecimal(whole + fraction)!
        }
        func text(_ base: String) -> String {
            // A slash, which JSONEncoder escapes, is rare: most pages stay in the plain form.
            if Int.random(in: 0..<20_000, using: &random) == 0 { return base + "/x" }
            switch Int.random(in: 0..<50, using: &random) {
            case 0: return base + "é"
            case 1: return base + "\u{1F600}"
            case 2: return "\u{FEFF}" + base
            default: return base
            }
        }
        let types = ["LIMIT", "MARKET", "STOP"]
        let sides = ["BID", "ASK", "HOLD"]
        let states = ["EXECUTION_ACK", "EXECUTION_FILLED", "EXECUTION_CANCELED", "EXECUTION_PARTIALLY_FILLED", "EXECUTION_SOMETHING_NEW"]
        return Order(
            streetOrderId: text(String(UInt64.random(in: 0...UInt64.max, using: &random))),
            orderType: OrderType(rawValue: types.randomElement(using: &random)!), symbol: text("ETH-USDT"),
            side: Side(rawValue: sides.randomElement(using: &random)!), owner: text(["2", "strategy-10", "3"].randomElement(using: &random)!),
            counterParty: text(["binance", "huobi", "okcoin"].randomElement(using: &random)!),
            price: decimal(), quantity: decimal(), filledPrice: decimal(), filledQuantity: decimal(),
            executionType: ExecutionType(rawValue: states.randomElement(using: &random)!),
            createTime: Int64.random(in: 0...Int64.max, using: &random), processedTime: Int64.random(in: Int64.min...Int64.max, using: &random))
    }

    /// The envelope of `page`: compact, pretty, sorted keys, or with more fields around.
    static func body(for page: InactiveOrderPage, style: Int, random: inout FuzzRandom) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [[], [.prettyPrinted], [.sortedKeys], [.withoutEscapingSlashes]][style]
        let data = try encoder.encode(page)
        var envelope = ##"{"success":true,"errorCode":0,"errorMsg":"ok","data":"##
        if style == 3 { envelope = ##"{"seq_no":"9","extra":{"a":[1,2.5e3,"x\"y",null,true]},"success":true,"error_code":null,"data":"## }
        return Data(envelope.utf8) + data + Data("}".utf8)
    }
}
