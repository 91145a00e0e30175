import CoinWeightAPI
import CoinWeightStore
import CoinWeightSync
import Foundation
import Testing

/// The libraries speak to an app, whose user never types a command: no error of theirs names
/// the command line (`cwsync ...`) or one of its flags; the command line adds that.
@Suite("Library error messages")
struct LibraryMessageTests {
    /// A command line's words: the binary's name as a word, or a long flag.
    static func speaksCommandLine(_ text: String) -> Bool {
        text.range(of: #"\bcwsync\b(?![.\-/])"#, options: .regularExpression) != nil
            || text.range(of: #"(^|[\s(`'"])--[a-z][a-z-]*"#, options: .regularExpression) != nil
    }

    @Test("the test itself: it catches a command and a flag")
    func detector() {
        #expect(Self.speaksCommandLine("log in first (cwsync login --user NAME)"))
        #expect(Self.speaksCommandLine("point this one at another store with --store."))
        #expect(!Self.speaksCommandLine("the store at /tmp/cwsync-test-1/cwsync.sqlite is damaged; log in first."))
    }

    @Test("every case of every library error says what to do without naming a command or a flag")
    func everyError() throws {
        let url = try #require(URL(string: "http://example.com/exp/v2"))
        let identity = StoreIdentity(endpoint: url, uid: 2, userName: "abc", boundAt: Date())
        let transports: [TransportError] = [
            .timedOut, .connectionLost, .cannotConnect("refused"), .responseTooLarge(limit: 8), .cancelled,
            .secureConnectionFailed("bad certificate"), .other("odd"),
        ]
        var errors: [any Error] = [
            CoinWeightError.notLoggedIn(endpoint: "GET /order/active"),
            CoinWeightError.authenticationFailed(endpoint: "GET /order/active"),
            CoinWeightError.rejected(BusinessError(endpoint: "POST /order/update", code: 1001, message: "inactive", reason: .orderNotUpdatable)),
            CoinWeightError.transient(endpoint: "GET /x", .serverError(status: 503)),
            CoinWeightError.transient(endpoint: "GET /x", .rateLimited(retryAfter: .seconds(2))),
            CoinWeightError.malformedResponse(endpoint: "GET /x", status: 200, reason: "not JSON", excerpt: "<html>"),
            CoinWeightError.unexpectedStatus(endpoint: "GET /x", status: 404, excerpt: ""),
            CoinWeightError.unexpectedStatus(endpoint: "GET /x", status: 400, excerpt: ""),
            CoinWeightError.invalidRequest(reason: "NaN"),
            CoinWeightError.insecureEndpoint(url),
            StoreError.newerSchema(path: "/s", found: 99, supported: 9),
            StoreError.notADatabase(path: "/s", reason: "empty"),
            StoreError.unavailable(path: "/s", reason: "busy"),
            StoreError.notPrivate(path: "/s", reason: "mode 0644"),
            StoreError.invalidSchemaFiles("gap"),
            StoreError.corruptValue(table: "order", column: "price", value: "x"),
            StoreIdentityMismatch(path: "/s", bound: identity, asked: .endpoint("https://other/exp/v2")),
            StoreIdentityMismatch(path: "/s", bound: identity, asked: .user("bob")),
            StoreIdentityMismatch(path: "/s", bound: identity, asked: .uid(3)),
            OutboxControlError.notFound(7), OutboxControlError.notRetryable(7, .pending),
            OutboxControlError.notDroppable(7, .sending), OutboxControlError.notDroppable(7, .delivered),
            OutboxError.invalidOrder(.unknownSymbol("X", counterParty: "binance")), OutboxError.symbolsNotSynced,
            OutboxError.marketOrderWhileOffline, OutboxError.unknownOrder("L-1"), OutboxError.foreignOwner("9", uid: 2),
            OutboxError.unlisted(counterParty: "kraken", symbol: "BTC-USDT", exchanges: ["binance"]),
            OutboxError.unlisted(counterParty: "binance", symbol: "XYZ", exchanges: nil),
            MirrorError.noEndpoint(path: "/s"), MirrorError.undeliveredWrites(2), MirrorError.notLoggedIn,
            SessionFileError(path: "/s/session.json", errno: EACCES),
            SyncFailure.other("odd"),
        ]
        errors += transports.map { CoinWeightError.transient(endpoint: "GET /x", .transport($0)) }
        for error in errors {
            let text = "\(error)"
            #expect(!text.isEmpty)
            #expect(!Self.speaksCommandLine(text), "\(text)")
            #expect(!Self.speaksCommandLine((error as? any LocalizedError)?.errorDescription ?? ""), "\(text)")
        }
    }

    @Test("no string in the libraries' sources names the command line: logs and errors alike")
    func sources() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var offenders: [String] = []
        for module in ["CoinWeightAPI", "CoinWeightStore", "CoinWeightSync"] {
            let folder = root.appendingPathComponent("Sources").appendingPathComponent(module)
            let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
            #expect(!files.isEmpty)
            for file in files {
                let lines = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8).split(separator: "\n")
                for (index, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                    // The bare name is a folder's or a logger's label, not a sentence.
                    let literals = line.matches(of: #/"(?:[^"\\]|\\.)*"/#).map { String($0.output) }.filter { $0 != #""cwsync""# }
                    for literal in literals where Self.speaksCommandLine(literal) {
                        offenders.append("\(module)/\(file):\(index + 1): \(literal)")
                    }
                }
            }
        }
        #expect(offenders.isEmpty, "\(offenders.joined(separator: "\n"))")
    }
}
