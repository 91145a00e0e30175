import CoinWeightAPI
import CoinWeightServing
import CoinWeightStore
import Foundation
import Hummingbird
import ServiceLifecycle

/// `GET /_cwsync/events`: the store's change feed (``StoreQuery/changes(after:limit:)``) as
/// Server-Sent Events, what an app uses instead of polling. One event per committed change of
/// a mirrored resource (`event: resource`, `data: {"resource":"favorites",...}`) and per outbox
/// entry queued or changing state (`event: outbox`, `data: {"entry":12,"kind":"addFavorite",
/// "state":"delivered",...}`), whichever process made it, each with its `id:`.
///
/// A reconnecting client sends the last id it saw as `Last-Event-ID` (or `?after=ID`) and gets
/// every change after it; a new one gets what comes next. A comment line every 15 seconds
/// keeps proxies from closing an idle stream. The stream ends at the daemon's shutdown.
struct ChangeFeedRoute: Sendable {
    let store: CoinWeightStore
    /// How often the feed is read for new rows.
    var interval: Duration = .milliseconds(100)

    func response(_ request: Request) async throws -> Response {
        let asked = request.headers[LocalHeaders.lastEventID] ?? request.uri.queryParameters.get("after").map { String($0) }
        let start: Int64
        if let asked {
            guard let id = Int64(asked), id >= 0 else {
                return WireResponse.refused(.badRequest, code: 4, message: "Last-Event-ID (or ?after=) must be a change id: a whole number, 0 or more")
            }
            start = id
        } else {
            start = try await store.read(.lastChange)
        }
        let store = store
        let interval = interval
        return Response(
            status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "retry: 1000\n: the cwsync change feed, after change \(start)\n\n"))
                let stopping = LockedValue(false)
                try await withGracefulShutdownHandler {
                    var last = start
                    var quiet = Duration.zero
                    while !stopping.get() {
                        let changes = try await store.read(.changes(after: last))
                        if changes.isEmpty {
                            try await Task.sleep(for: interval)
                            quiet += interval
                            if quiet >= .seconds(15) {
                                try await writer.write(ByteBuffer(string: ": still here\n\n"))
                                quiet = .zero
                            }
                            continue
                        }
                        quiet = .zero
                        try await writer.write(ByteBuffer(string: changes.map(Self.event).joined()))
                        last = changes.last?.id ?? last
                    }
                } onGracefulShutdown: {
                    stopping.set(true)
                }
                try await writer.finish(nil)
            })
    }

    /// The text of one event.
    static func event(_ change: StoreChange) -> String {
        let at = change.at.millisecondsSince1970
        switch change.subject {
        case .resource(let resource):
            return "id: \(change.id)\nevent: resource\ndata: {\"resource\":\(json(resource)),\"at\":\(at)}\n\n"
        case .outbox(let entry, let kind, let state):
            return "id: \(change.id)\nevent: outbox\ndata: {\"entry\":\(entry),\"kind\":\(json(kind)),\"state\":\"\(state.rawValue)\",\"at\":\(at)}\n\n"
        }
    }

    private static func json(_ text: String) -> String {
        String(decoding: (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8), as: UTF8.self)
    }
}
