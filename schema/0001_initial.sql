-- cwsync local store, version 1: a mirror of what the coin-weight API serves a user.
--
-- Conventions: money and every decimal the server sends as text stay TEXT, exactly as
-- received; times are INTEGER milliseconds since the epoch, UTC; `scope` is 'default' for
-- what every user gets and the uid (as text) for a user's own copy; `position` keeps the
-- server's order of a list.

-- Which schema files were applied, and when. PRAGMA user_version holds the highest.
CREATE TABLE schema_migration (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
);

-- /config/symbols
CREATE TABLE symbol (
    counter_party TEXT NOT NULL,
    name TEXT NOT NULL,
    base TEXT NOT NULL,
    quote TEXT NOT NULL,
    price_decimal INTEGER NOT NULL,
    quantity_decimal INTEGER NOT NULL,
    quantity_min TEXT NOT NULL,
    quantity_max TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (counter_party, name)
) WITHOUT ROWID;

-- /config/market/default (scope 'default') and /config/market/custom/{uid}
CREATE TABLE market_item (
    scope TEXT NOT NULL,
    category TEXT NOT NULL,
    category_position INTEGER NOT NULL,
    position INTEGER NOT NULL,
    counter_party TEXT NOT NULL,
    symbol TEXT NOT NULL,
    favorite INTEGER NOT NULL CHECK (favorite IN (0, 1)),
    PRIMARY KEY (scope, category_position, position)
) WITHOUT ROWID;

-- /config/market/custom/{uid}/favorite
CREATE TABLE favorite (
    uid TEXT NOT NULL,
    counter_party TEXT NOT NULL,
    symbol TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (uid, counter_party, symbol)
) WITHOUT ROWID;

-- /config/layout/{professional|simple}/default and /custom/{uid}
CREATE TABLE layout_slot (
    kind TEXT NOT NULL CHECK (kind IN ('professional', 'simple')),
    scope TEXT NOT NULL,
    position INTEGER NOT NULL,
    counter_party TEXT NOT NULL,
    symbol TEXT NOT NULL,
    PRIMARY KEY (kind, scope, position)
) WITHOUT ROWID;

-- /config/strategy/default/items: each template's default item, as JSON.
CREATE TABLE strategy_template (
    name TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    item_json TEXT NOT NULL CHECK (json_valid(item_json))
) WITHOUT ROWID;

-- /config/strategy/custom/{uid}/items. Fields the client does not model stay in extra_json.
CREATE TABLE strategy_item (
    uid TEXT NOT NULL,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    exchange TEXT NOT NULL,
    owner TEXT,
    strategy_type TEXT NOT NULL,
    symbols_json TEXT NOT NULL CHECK (json_valid(symbols_json)),
    extra_json TEXT NOT NULL CHECK (json_valid(extra_json)),
    PRIMARY KEY (uid, id)
) WITHOUT ROWID;

-- /strategy/status/{uid}
CREATE TABLE strategy_status (
    uid TEXT NOT NULL,
    id TEXT NOT NULL,
    status TEXT NOT NULL,
    PRIMARY KEY (uid, id)
) WITHOUT ROWID;

-- /secret/{owner}: metadata only. The server masks the secret ("k****k"); the CHECK refuses
-- any value without a run of asterisks, so a plaintext secret has no column to land in.
CREATE TABLE secret (
    owner TEXT NOT NULL,
    counter_party TEXT NOT NULL,
    api_key TEXT NOT NULL,
    masked_secret_key TEXT NOT NULL CHECK (masked_secret_key GLOB '*[*][*]*'),
    position INTEGER NOT NULL,
    PRIMARY KEY (owner, counter_party, api_key)
) WITHOUT ROWID;

-- /user/{uid}/info
CREATE TABLE user_info (
    uid TEXT PRIMARY KEY,
    user_name TEXT NOT NULL,
    group_name TEXT NOT NULL,
    google_auth_enabled INTEGER NOT NULL CHECK (google_auth_enabled IN (0, 1)),
    phone TEXT,
    email TEXT,
    avatar TEXT,
    estimated_value TEXT NOT NULL,
    available_value TEXT NOT NULL,
    net_unit_value TEXT NOT NULL,
    on_orders TEXT NOT NULL,
    change_percentage TEXT NOT NULL
) WITHOUT ROWID;

-- /user/{uid}/position
CREATE TABLE position (
    uid TEXT NOT NULL,
    counter_party TEXT NOT NULL,
    currency TEXT NOT NULL,
    total_amount TEXT NOT NULL,
    used_amount TEXT NOT NULL,
    available_amount TEXT NOT NULL,
    PRIMARY KEY (uid, counter_party, currency)
) WITHOUT ROWID;

-- Orders, active and history alike (/order/create, /order/active, /order/inactive...).
-- Keyset pages run newest first on (create_time, street_order_id) under an owner, with or
-- without a symbol: the two indexes serve both without a sort or an OFFSET scan.
CREATE TABLE "order" (
    street_order_id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    counter_party TEXT NOT NULL,
    symbol TEXT NOT NULL,
    side TEXT NOT NULL,
    order_type TEXT NOT NULL,
    execution_type TEXT NOT NULL,
    price TEXT NOT NULL,
    quantity TEXT NOT NULL,
    filled_price TEXT NOT NULL,
    filled_quantity TEXT NOT NULL,
    create_time INTEGER NOT NULL,
    processed_time INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX order_by_owner_time ON "order" (owner, create_time, street_order_id);
CREATE INDEX order_by_owner_symbol_time ON "order" (owner, symbol, create_time, street_order_id);

-- Per-resource sync bookkeeping (resource: 'symbols', 'orders.history:2', ...).
CREATE TABLE sync_state (
    resource TEXT PRIMARY KEY,
    last_attempt_at INTEGER,
    last_success_at INTEGER,
    last_error TEXT,
    cursor TEXT
) WITHOUT ROWID;

-- The user's writes waiting for the network, in the order they were made. Each belongs to
-- the account (uid) that queued it and acts on one entity ('favorite:binance:ETH-BTC',
-- 'layout:simple:3'...): writes to one entity are delivered in order. undo_json holds what
-- the optimistic change replaced in the mirror, to put it back if the write is refused.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uid TEXT NOT NULL,
    kind TEXT NOT NULL,
    entity TEXT NOT NULL,
    payload_json TEXT NOT NULL CHECK (json_valid(payload_json)),
    undo_json TEXT NOT NULL CHECK (json_valid(undo_json)),
    state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'delivered', 'failed', 'expired')),
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    error_code INTEGER,
    error_message TEXT,
    result_json TEXT CHECK (result_json IS NULL OR json_valid(result_json))
);
CREATE INDEX outbox_by_account_state ON outbox (uid, state, id);
CREATE INDEX outbox_by_entity ON outbox (uid, entity, id);
