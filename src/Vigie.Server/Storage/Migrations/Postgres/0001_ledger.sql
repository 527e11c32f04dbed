-- The ledger: the one source of truth. Entries are canonical JSON envelopes; idx is the leaf index.
CREATE TABLE log_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE log_entries (
    idx        BIGINT PRIMARY KEY,
    envelope   BYTEA  NOT NULL,
    leaf_hash  BYTEA  NOT NULL,
    kind       TEXT   NOT NULL,
    visibility TEXT   NOT NULL,
    time       TEXT   NOT NULL,
    actor      TEXT
);
-- Non-public bodies and their salts live apart so they can be revealed or erased
-- without touching the log (DESIGN.md "The ledger is the source of truth").
CREATE TABLE log_sealed_bodies (
    idx  BIGINT PRIMARY KEY,
    salt BYTEA  NOT NULL,
    body BYTEA  NOT NULL
);
CREATE TABLE log_checkpoints (
    size      BIGINT PRIMARY KEY,
    root_hash BYTEA  NOT NULL,
    note      TEXT   NOT NULL,
    signed_at TEXT   NOT NULL
);
