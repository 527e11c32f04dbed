-- Browser sign-in sessions (Features/Sessions). Not a ledger projection: a session is not a
-- governance fact, so rebuild-projections leaves this table alone (docs/decisions/0004).
-- Only the SHA-256 of the session id is stored; times are Unix milliseconds from the server's clock.
CREATE TABLE web_sessions (
    id_hash       BYTEA PRIMARY KEY,
    user_name     TEXT NOT NULL,
    token_id      TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    last_seen_at  BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL
);
CREATE INDEX web_sessions_expires ON web_sessions (expires_at);
