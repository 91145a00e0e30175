-- The token the server last refused (HTTP 403) for each user, known by a 64-bit FNV-1a
-- fingerprint of its text and never by the text itself: every process sharing the store,
-- `cwsync status` among them, can tell that a login is needed even when the token has not
-- expired by its own claims (revoked on the server, say). A login clears it.
CREATE TABLE token_refusal (
    uid TEXT PRIMARY KEY,
    token_fingerprint INTEGER NOT NULL,
    refused_at INTEGER NOT NULL
) WITHOUT ROWID;
