-- Whose mirror this is, and of which server: the normalised base URL of the API and the
-- account (uid and user name) of the first login. One row at most. A login as another user,
-- or a sync, run or delivery against another endpoint, is refused before any request, so
-- that one account's rows, cursors and queued writes never meet another's or another
-- server's. A store from before this file adopts the identity of its saved session.
CREATE TABLE store_identity (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    endpoint TEXT NOT NULL,
    uid TEXT NOT NULL,
    user_name TEXT NOT NULL,
    bound_at INTEGER NOT NULL
);
