-- Projection of user.created, user.roles-changed and token.* entries.
CREATE TABLE users (
    name          TEXT PRIMARY KEY,
    roles         TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    created_index BIGINT NOT NULL
);
CREATE TABLE api_tokens (
    token_id      TEXT PRIMARY KEY,
    user_name     TEXT NOT NULL REFERENCES users(name),
    token_hash    BYTEA NOT NULL UNIQUE,
    label         TEXT,
    created_at    TEXT NOT NULL,
    created_index BIGINT NOT NULL,
    revoked_index BIGINT
);
