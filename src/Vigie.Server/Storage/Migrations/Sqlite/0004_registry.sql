-- Projection of the registry entries (system.*, version.*, training-run.*, alias.*).
CREATE TABLE systems (
    name        TEXT PRIMARY KEY,
    owner       TEXT NOT NULL,
    purpose     TEXT,
    description TEXT,
    visibility  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    log_index   INTEGER NOT NULL
);

CREATE TABLE system_versions (
    system         TEXT NOT NULL REFERENCES systems(name),
    version        TEXT NOT NULL,
    kind           TEXT NOT NULL,
    status         TEXT NOT NULL,
    base_version   TEXT,
    base_model     TEXT,
    weights_sha256 TEXT,
    description    TEXT,
    visibility     TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    created_by     TEXT NOT NULL,
    log_index      INTEGER NOT NULL,
    PRIMARY KEY (system, version)
);

CREATE TABLE version_status_changes (
    log_index   INTEGER PRIMARY KEY,
    system      TEXT NOT NULL,
    version     TEXT NOT NULL,
    status      TEXT NOT NULL,
    reason      TEXT NOT NULL,
    visibility  TEXT NOT NULL,
    changed_at  TEXT NOT NULL,
    changed_by  TEXT NOT NULL
);
CREATE INDEX version_status_changes_version ON version_status_changes(system, version);

CREATE TABLE training_runs (
    system            TEXT NOT NULL,
    version           TEXT NOT NULL,
    run               TEXT NOT NULL,
    started_on        TEXT NOT NULL,
    ended_on          TEXT,
    hardware          TEXT,
    accelerator_hours REAL,
    compute_flop      REAL,
    tokens            INTEGER,
    notes             TEXT,
    visibility        TEXT NOT NULL,
    recorded_at       TEXT NOT NULL,
    recorded_by       TEXT NOT NULL,
    log_index         INTEGER NOT NULL,
    PRIMARY KEY (system, version, run)
);

CREATE TABLE alias_moves (
    log_index        INTEGER PRIMARY KEY,
    system           TEXT NOT NULL,
    alias            TEXT NOT NULL,
    version          TEXT NOT NULL,
    previous_version TEXT,
    decision         TEXT NOT NULL,
    decision_type    TEXT NOT NULL,
    visibility       TEXT NOT NULL,
    moved_at         TEXT NOT NULL,
    moved_by         TEXT NOT NULL
);
CREATE INDEX alias_moves_alias ON alias_moves(system, alias);
