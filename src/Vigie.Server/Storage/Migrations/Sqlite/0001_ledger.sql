-- The ledger: the one source of truth. Entries are canonical JSON envelopes; idx is the leaf index.
CREATE TABLE log_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE log_entries (
    idx        INTEGER PRIMARY KEY,
    envelope   BLOB    NOT NULL,
    leaf_hash  BLOB    NOT NULL,
    kind       TEXT    NOT NULL,
    visibility TEXT    NOT NULL,
    time       TEXT    NOT NULL,
    actor      TEXT
);
-- Non-public bodies and their salts live apart so they can be revealed or erased
-- without touching the log (DESIGN.md "The ledger is the source of truth").
CREATE TABLE log_sealed_bodies (
    idx  INTEGER PRIMARY KEY,
    salt BLOB NOT NULL,
    body BLOB NOT NULL
);
CREATE TABLE log_checkpoints (
    size      INTEGER PRIMARY KEY,
    root_hash BLOB    NOT NULL,
    note      TEXT    NOT NULL,
    signed_at TEXT    NOT NULL
);
