import Foundation

/// Where an owner's history read stands, saved in the store with the orders it covers.
///
/// A read walks `createTime` windows from `top` down to `bottom`, newest first. Each commit
/// saves the window reached and the page within it, so a crash resumes there: pages only
/// ever shift down as orders turn inactive, so resuming can repeat rows (the upsert folds
/// them) but never skip one. When the walk completes, `highWater` becomes its `top`, and
/// the next read walks from now down to `highWater` minus the overlap.
struct HistoryCursor: Codable, Hashable, Sendable {
    /// Everything created up to here (ms) was read by a completed walk.
    var highWater: Int64?
    /// The walk in progress, if any.
    var walk: Walk?

    struct Walk: Codable, Hashable, Sendable {
        /// The newest `createTime` the walk covers (ms).
        var top: Int64
        /// The oldest `createTime` it covers (ms).
        var bottom: Int64
        /// The upper edge of the window being read: everything above is done.
        var windowTop: Int64
        /// The next page of that window.
        var page: Int
    }

    init(highWater: Int64? = nil, walk: Walk? = nil) {
        self.highWater = highWater
        self.walk = walk
    }

    /// Reads a saved cursor; a missing or unreadable one starts afresh.
    init(text: String?) {
        guard let text, let cursor = try? JSONDecoder().decode(HistoryCursor.self, from: Data(text.utf8)) else {
            self.init()
            return
        }
        self = cursor
    }

    /// The cursor as saved. Encoding integers cannot fail.
    var text: String { String(decoding: (try? JSONEncoder().encode(self)) ?? Data("{}".utf8), as: UTF8.self) }
}
