import ArgumentParser
import CoinWeightAPI
import CoinWeightStore
import Foundation

/// `--side`: an order's side as the API writes it; lower case is accepted too.
enum SideArgument: String, CaseIterable, ExpressibleByArgument {
    case bid = "BID"
    case ask = "ASK"

    init?(argument: String) { self.init(rawValue: argument.uppercased()) }

    var side: Side { self == .bid ? .bid : .ask }
}

/// `--since` and `--until`: milliseconds since the epoch (`1790000000000`), an ISO-8601
/// date and time with its zone (`2026-09-21T12:00:00Z`, `2026-09-21T14:00:00.250+02:00`), or a
/// day (`2026-09-21`, UTC), which stands for the whole of it.
struct TimeBound {
    /// The first millisecond meant: the moment itself, or the day's first.
    let first: Int64
    /// The last millisecond meant: the moment itself, or the day's last.
    let last: Int64

    /// Parses a command-line value.
    /// - Throws: `ValidationError` naming the forms accepted.
    init(parsing text: String) throws {
        if !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let milliseconds = Int64(text) {
            (first, last) = (milliseconds, milliseconds)
        } else if let moment = TimeBound.moment(text) {
            (first, last) = (moment, moment)
        } else if let day = text.wholeMatch(of: Date.ISO8601FormatStyle().year().month().day())?.output {
            first = TimeBound.milliseconds(day)
            last = first + 86_400_000 - 1
        } else {
            throw ValidationError("expected milliseconds since the epoch, an ISO-8601 time such as 2026-09-21T12:00:00Z, or a day such as 2026-09-21")
        }
    }

    private static func moment(_ text: String) -> Int64? {
        for style in [Date.ISO8601FormatStyle(includingFractionalSeconds: true), Date.ISO8601FormatStyle()] {
            if let date = text.wholeMatch(of: style)?.output { return milliseconds(date) }
        }
        return nil
    }

    /// `milliseconds` as an ISO-8601 UTC time to the millisecond (`2026-09-21T12:00:00.250Z`),
    /// which ``init(parsing:)`` reads back exactly.
    static func text(_ milliseconds: Int64) -> String {
        let fraction = (milliseconds % 1_000 + 1_000) % 1_000
        let seconds = Date(timeIntervalSince1970: TimeInterval((milliseconds - fraction) / 1_000)).formatted(Date.ISO8601FormatStyle())
        return "\(seconds.dropLast()).\(String(fraction + 1_000).dropFirst())Z"
    }

    /// Milliseconds since the epoch, to the nearest: the text had at most milliseconds.
    private static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1_000).rounded()) }
}

extension OrderCursor {
    /// The cursor as `cwsync orders` prints it and `--after` takes it: the last order's
    /// `createTime` and `streetOrderId`, `<createTime>:<streetOrderId>`.
    var text: String { "\(createTime):\(streetOrderId)" }

    /// Parses ``text``.
    /// - Throws: `ValidationError` when `text` is not a cursor.
    init(parsing text: String) throws {
        guard let colon = text.firstIndex(of: ":"), let createTime = Int64(text[..<colon]), text.index(after: colon) < text.endIndex else {
            throw ValidationError("expected <createTime>:<streetOrderId>, the cursor a page prints after next:")
        }
        self.init(createTime: createTime, streetOrderId: String(text[text.index(after: colon)...]))
    }
}
