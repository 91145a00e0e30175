import CoinWeightAPI
import CoinWeightHTTPClient
import Foundation
import GRDB

/// `rss-floor URL DATABASE`: the least a daemon on cwsync's stack holds at rest, for
/// `cli-benchmark` to measure beside `cwsync run`. It opens a GRDB pool on `DATABASE` (WAL,
/// as the store does), reads from it, sends one `GET URL` with the transport `cwsync` uses by
/// default on this platform, prints `ready STATUS` and then waits, doing nothing, until it is
/// killed.
@main
struct RSSFloor {
    static func main() async {
        let arguments = CommandLine.arguments.dropFirst()
        guard arguments.count == 2, let url = URL(string: arguments.first!), url.scheme != nil else {
            FileHandle.standardError.write(Data("usage: rss-floor URL DATABASE\n".utf8))
            exit(64)
        }
        do {
            let pool = try DatabasePool(path: arguments.last!)
            _ = try await pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
            #if canImport(Darwin)
                let transport: any HTTPTransport = URLSessionTransport()
            #else
                let transport: any HTTPTransport = try AsyncHTTPClientTransport()
            #endif
            let response = try await transport.send(HTTPRequest(method: .get, url: url))
            FileHandle.standardOutput.write(Data("ready \(response.status)\n".utf8))
            while true { try await Task.sleep(for: .seconds(3_600)) }
        } catch {
            FileHandle.standardError.write(Data("rss-floor: \(error)\n".utf8))
            exit(1)
        }
    }
}
