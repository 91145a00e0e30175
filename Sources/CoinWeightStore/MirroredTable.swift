/// The tables that hold what the server serves, in the schema's order: what `store reset`
/// empties and `cwsync status` counts. The outbox, the sync state and the store's own
/// bookkeeping are not among them.
enum MirroredTable {
    static let names = [
        "symbol", "market_item", "favorite", "layout_slot", "strategy_template", "strategy_item", "strategy_status", "secret", "user_info",
        "position", "order",
    ]
}
