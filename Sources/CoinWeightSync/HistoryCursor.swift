import Foundation

/// Where an owner's history read stands, saved in the store with the orders it covers.
///
/// A read walks `createTime` windows from `top` down to `bottom`, newest first, several at a
/// time. Each commit saves, with the rows it holds, the top of the next window not started
/// and the next page of each window started and not finished, so a crash resumes there:
/// pages only ever shift down as orders turn inactive, so resuming can repeat rows (the
/// upsert folds them) but never skip one. When the walk completes, `highWater` becomes its
/// `top`, and the next read walks from now down to `highWater` minus the overlap.
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
        /// The upper edge of the next window not started: everything above it is done, or
        /// in ``open``.
        var windowTop: Int64
        /// The next page of the window at `windowTop`, in a cursor saved before windows were
        /// read side by side (``open`` absent); 0 since.
        var page: Int
        /// The windows started and not finished: each one's upper edge and next page.
        var open: [OpenWindow]?

        init(top: Int64, bottom: Int64, windowTop: Int64, page: Int = 0, open: [OpenWindow]? = []) {
            self.top = top
            self.bottom = bottom
            self.windowTop = windowTop
            self.page = page
            self.open = open
        }
    }

    /// A window being read: its upper edge (ms) and its next page.
    struct OpenWindow: Codable, Hashable, Sendable {
        var top: Int64
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
