-- Projection of user.created, user.roles-changed and token.* entries.
CREATE TABLE users (
    name          TEXT PRIMARY KEY,
    roles         TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    created_index INTEGER NOT NULL
);
CREATE TABLE api_tokens (
    token_id      TEXT PRIMARY KEY,
    user_name     TEXT NOT NULL REFERENCES users(name),
    token_hash    BLOB NOT NULL UNIQUE,
    label         TEXT,
    created_at    TEXT NOT NULL,
    created_index INTEGER NOT NULL,
    revoked_index INTEGER
);
