import AsyncHTTPClient
import CoinWeightAPI
import Foundation
import NIOCore
import NIOHTTP1

/// A reader of a Server-Sent Events stream (the local API's change feed), over AsyncHTTPClient.
public enum EventStream {
    /// One event: its `id:`, `event:` and `data:` lines.
    public struct Event: Sendable, Equatable {
        public var id: String?
        public var event: String?
        public var data: String

        /// `data` as a JSON object, `[:]` when it is not one.
        public var fields: [String: any Sendable] {
            ((try? JSONSerialization.jsonObject(with: Data(data.utf8))) as? [String: Any])?.mapValues { "\($0)" } ?? [:]
        }

        public static func == (lhs: Event, rhs: Event) -> Bool { lhs.id == rhs.id && lhs.event == rhs.event && lhs.data == rhs.data }
    }

    /// The events of `url` from the start of the stream until one makes `done` true (that one
    /// included), or until `timeout`, whichever comes first; the connection is closed then.
    /// - Throws: what the request threw, or ``EventStreamError`` for an answer that is not a stream.
    public static func read(
        _ url: URL, headers: [String: String] = [:], timeout: Duration = .seconds(60), until done: @escaping @Sendable ([Event]) -> Bool
    ) async throws -> [Event] {
        var request = HTTPClientRequest(url: url.absoluteString)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await HTTPClient.shared.execute(request, timeout: .milliseconds(Int64(timeout.timeInterval * 1000)))
        guard response.status == .ok, response.headers.first(name: "Content-Type")?.hasPrefix("text/event-stream") == true else {
            let body = try await response.body.collect(upTo: 1 << 20)
            throw EventStreamError(status: Int(response.status.code), body: String(buffer: body))
        }
        var events: [Event] = []
        var pending = ""
        do {
            for try await buffer in response.body {
                pending += String(buffer: buffer)
                while let end = pending.range(of: "\n\n") {
                    let block = pending[..<end.lowerBound]
                    pending.removeSubrange(..<end.upperBound)
                    if let event = parse(block) {
                        events.append(event)
                        if done(events) { return events }
                    }
                }
            }
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            return events
        }
        return events
    }

    private static func parse(_ block: Substring) -> Event? {
        var event = Event(id: nil, event: nil, data: "")
        var hasData = false
        for line in block.split(separator: "\n", omittingEmptySubsequences: false) where !line.hasPrefix(":") {
            let (name, value) = line.firstIndex(of: ":").map { (line[..<$0], line[line.index(after: $0)...].drop { $0 == " " }) } ?? (line, "")
            switch name {
            case "id": event.id = String(value)
            case "event": event.event = String(value)
            case "data":
                event.data += (hasData ? "\n" : "") + value
                hasData = true
            default: break
            }
        }
        return hasData ? event : nil
    }
}

/// An answer of an event stream's URL that is not a stream.
public struct EventStreamError: Error, CustomStringConvertible {
    public let status: Int
    public let body: String

    public var description: String { "HTTP \(status) instead of an event stream: \(body)" }
}
