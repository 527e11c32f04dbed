-- Projection of the concern channel (concern.* entries). Dates are days (YYYY-MM-DD in the
-- organisation's zone): nothing here holds an exact time, an address, or who reported.
CREATE TABLE concern_recipient_keys (
    user_name     TEXT PRIMARY KEY,
    public_key    TEXT NOT NULL,
    key_id        TEXT NOT NULL UNIQUE,
    log_index     INTEGER NOT NULL
);

CREATE TABLE concern_routing (
    id        INTEGER PRIMARY KEY,
    settings  TEXT NOT NULL,
    log_index INTEGER NOT NULL
);

CREATE TABLE concerns (
    id              TEXT PRIMARY KEY,
    locator         TEXT NOT NULL UNIQUE,
    receipt_hash    TEXT NOT NULL,
    envelope        TEXT NOT NULL,
    envelope_sha256 TEXT NOT NULL,
    reporter_key_id TEXT NOT NULL,
    category        TEXT NOT NULL,
    about           TEXT NOT NULL,
    tiers           TEXT NOT NULL,
    level           INTEGER NOT NULL,
    received_on     TEXT NOT NULL,
    acknowledged_on TEXT,
    feedback_on     TEXT,
    last_update_on  TEXT,
    closed_on       TEXT,
    outcome         TEXT,
    received_index  INTEGER NOT NULL,
    filed_index     INTEGER
);

CREATE TABLE concern_recipients (
    concern_id TEXT NOT NULL,
    user_name  TEXT NOT NULL,
    key_id     TEXT NOT NULL,
    public_key TEXT NOT NULL,
    tier       INTEGER NOT NULL,
    PRIMARY KEY (concern_id, user_name)
);

-- One row per public step; detail_index is its non-public companion (who, sealed message).
CREATE TABLE concern_events (
    fact_index   INTEGER PRIMARY KEY,
    concern_id   TEXT NOT NULL,
    step         TEXT NOT NULL,
    on_date      TEXT NOT NULL,
    detail_index INTEGER,
    actor        TEXT,
    message      TEXT,
    feedback     INTEGER NOT NULL,
    outcome      TEXT,
    obligation   TEXT,
    due_date     TEXT,
    tier         TEXT
);
CREATE INDEX concern_events_concern ON concern_events(concern_id);
-- A missed clock escalates once (NULLs differ, so other steps are not constrained).
CREATE UNIQUE INDEX concern_events_escalation ON concern_events(concern_id, obligation, due_date);
