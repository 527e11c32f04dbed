-- Projection of charter.adopted and decision.* entries. A decision's id is "dec-" and the log
-- index of its opening entry; its full state (sign-offs, recusals, dissent, veto, reversal) is
-- the governance core's state as JSON, replayed from the log by rebuild-projections.
CREATE TABLE charters (
    log_index  INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    version    INTEGER NOT NULL,
    digest     TEXT NOT NULL,
    yaml       TEXT NOT NULL,
    decision   TEXT,
    adopted_at TEXT NOT NULL,
    adopted_by TEXT NOT NULL
);
CREATE INDEX charters_digest ON charters(digest);

CREATE TABLE decisions (
    log_index      INTEGER PRIMARY KEY,
    type           TEXT NOT NULL,
    system         TEXT,
    version        TEXT,
    title          TEXT NOT NULL,
    description    TEXT,
    status         TEXT NOT NULL,
    visibility     TEXT NOT NULL,
    opened_at      TEXT NOT NULL,
    opened_by      TEXT NOT NULL,
    closed_at      TEXT,
    charter_digest TEXT NOT NULL,
    proposed_yaml  TEXT,
    state          TEXT NOT NULL,
    updated_index  INTEGER NOT NULL
);
CREATE INDEX decisions_subject ON decisions(system, version, type);
CREATE INDEX decisions_status ON decisions(status);

-- Each evidence snapshot a decision was bound to: at opening, and at every evidence change.
CREATE TABLE decision_snapshots (
    log_index INTEGER PRIMARY KEY,
    decision  INTEGER NOT NULL REFERENCES decisions(log_index),
    digest     TEXT NOT NULL,
    items      TEXT NOT NULL,
    visibility TEXT NOT NULL
);
CREATE INDEX decision_snapshots_decision ON decision_snapshots(decision);
