import CoinWeightAPI
import CoinWeightLocalAPI
import CoinWeightTestSupport
import Foundation
import Testing

/// The console as a browser shows it: headless Chromium (Debian's `chromium` package) on the
/// daemon's `/_cwsync/`, live from the change feed.
@Suite("Console in a browser")
struct ConsoleBrowserTests {
    @Test(
        "the console shows an order queued through the API with its pending mark while the server is gone, drops a queued favorite with its button, and shows the order delivered once the server is back",
        .enabled(
            if: HeadlessChromium.executable() != nil, "headless Chromium is not installed (apt-get install chromium): the console's browser test is skipped"))
    func pendingThenDelivered() async throws {
        try await LocalAPIRig.with(sync: OfflineTests.fastRetries) { rig in
            try await withTemporaryDirectory { folder in
                let browser = try HeadlessChromium(executable: try #require(HeadlessChromium.executable()), profileIn: folder)
                do {
                    try await Self.watch(rig, in: browser)
                    await browser.quit()
                } catch {
                    await browser.quit()
                    throw error
                }
            }
        }
    }

    private static func watch(_ rig: LocalAPIRig, in browser: HeadlessChromium) async throws {
        await rig.upstream.stop()
        let console = URL(string: "/_cwsync/#key=\(rig.local.apiKey)", relativeTo: rig.local.baseURL)!.absoluteURL
        try await browser.open(console)
        try await waitUntil(timeout: .seconds(60), "the console is live on the change feed") {
            try await browser.evaluate("document.querySelector('#live')?.textContent") as? String == "feed: live"
        }
        #expect(try await browser.evaluate("location.hash") as? String == "", "the key leaves the address bar")
        try await waitUntil(timeout: .seconds(60), "the console names the account") {
            (try await browser.evaluate("document.querySelector('#account').textContent") as? String)?.contains("abc (uid 2)") == true
        }

        let created = try await rig.request(
            "order/create", method: .post, headers: rig.withKey,
            json: #"{"orderType":"LIMIT","symbol":"ETH-USDT","side":"ASK","owner":"2","counterParty":"binance","price":"2100.00","quantity":"0.5000"}"#)
        let local = try #require((created.object["data"] as? [String: Any])?["streetOrderId"] as? String, "\(created.text)")
        let entry = try #require(created.header("CWSync-Outbox-Entry"))
        try await waitUntil(timeout: .seconds(60), "the order shows with its pending mark") {
            try await browser.evaluate(#"document.querySelector('#orders tr[data-order="\#(local)"]')?.dataset.pending"#) as? String == "queued"
        }
        try await waitUntil(timeout: .seconds(60), "its outbox entry shows pending (between attempts to send it)") {
            try await browser.evaluate(#"document.querySelector('#outbox tr[data-entry="\#(entry)"]')?.dataset.state"#) as? String == "pending"
        }
        if let path = ProcessInfo.processInfo.environment["CWSYNC_CONSOLE_SCREENSHOT"] {
            try await browser.screenshot().write(to: URL(fileURLWithPath: path))
        }

        // A favorite queued too, then dropped with the console's button: it leaves the mirror.
        let pair = MarketPair(counterParty: "okcoin", symbol: "ETH-USDT")
        let favorite = try await rig.request(
            "config/market/custom/2/favorite/add", method: .post, headers: rig.withKey, json: #"{"counterParty":"okcoin","symbol":"ETH-USDT"}"#)
        let dropped = try #require(favorite.header("CWSync-Outbox-Entry"))
        #expect(try await rig.abc.favorites(uid: 2).contains { $0.pair == pair })
        // The row's button labelled drop (a failed row has a retry button instead).
        let drop = #"[...document.querySelectorAll('#outbox tr[data-entry="\#(dropped)"] button')].find(b => b.textContent === 'drop')"#
        try await waitUntil(timeout: .seconds(60), "the favorite's entry shows, with a drop button") {
            try await browser.evaluate("\(drop)?.textContent") as? String == "drop"
        }
        // The outbox retries the entry meanwhile: while an attempt is out it is `sending`, has no
        // drop button, and cannot be dropped. So: click whenever the button is there, until dropped.
        try await waitUntil(timeout: .seconds(60), "the dropped entry shows failed") {
            let state = try await browser.evaluate(#"document.querySelector('#outbox tr[data-entry="\#(dropped)"]')?.dataset.state"#) as? String
            if state == "failed" { return true }
            _ = try await browser.evaluate("\(drop)?.click()")
            return false
        }
        #expect(try await !rig.abc.favorites(uid: 2).contains { $0.pair == pair }, "a dropped write's change leaves the mirror")

        try await rig.upstream.start()
        try await waitUntil(timeout: .seconds(60), "the entry shows delivered") {
            try await browser.evaluate(#"document.querySelector('#outbox tr[data-entry="\#(entry)"]')?.dataset.state"#) as? String == "delivered"
        }
        try await waitUntil(timeout: .seconds(60), "the order shows under the server's id, with no pending mark") {
            let rows = try await browser.evaluate(
                #"[...document.querySelectorAll('#orders tbody tr')].filter(r => r.textContent.includes('2100.00')).map(r => r.dataset.order + '|' + r.dataset.pending).join(',')"#
            )
            guard let rows = rows as? String, !rows.isEmpty, !rows.contains(",") else { return false }
            return !rows.hasPrefix(local) && rows.hasSuffix("|")
        }
    }
}
