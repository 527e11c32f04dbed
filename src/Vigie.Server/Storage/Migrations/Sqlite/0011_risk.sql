-- Projection of the capability-risk entries (issue 5): framework proposals and the
-- framework-change decisions that adopt them, evaluation imports and their metrics, scorecard
-- confirmations, safeguards, forecast alerts and the risk register.
CREATE TABLE risk_framework_decisions (
    decision   TEXT PRIMARY KEY,
    log_index  INTEGER NOT NULL,
    status     TEXT NOT NULL,
    signoffs   INTEGER NOT NULL,
    opened_by  TEXT NOT NULL
);

CREATE TABLE risk_framework_proposals (
    log_index     INTEGER PRIMARY KEY,
    decision      TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    version       INTEGER NOT NULL,
    digest        TEXT NOT NULL,
    yaml          TEXT NOT NULL,
    status        TEXT NOT NULL,
    proposed_at   TEXT NOT NULL,
    proposed_by   TEXT NOT NULL,
    adopted_index INTEGER,
    adopted_at    TEXT
);

CREATE TABLE risk_evaluations (
    log_index        INTEGER PRIMARY KEY,
    system           TEXT NOT NULL,
    version          TEXT NOT NULL,
    name             TEXT NOT NULL,
    format           TEXT NOT NULL,
    format_version   TEXT,
    model            TEXT,
    harness          TEXT,
    harness_version  TEXT,
    run_status       TEXT,
    started_at       TEXT,
    completed_at     TEXT,
    samples          INTEGER,
    stage            TEXT NOT NULL,
    effective_flop   REAL,
    sha256           TEXT NOT NULL,
    size_bytes       INTEGER NOT NULL,
    evidence_index   INTEGER NOT NULL,
    tasks            TEXT NOT NULL,
    warnings         TEXT NOT NULL,
    visibility       TEXT NOT NULL,
    imported_at      TEXT NOT NULL,
    imported_by      TEXT NOT NULL
);
CREATE INDEX risk_evaluations_version ON risk_evaluations (system, version);

CREATE TABLE risk_evaluation_metrics (
    evaluation       INTEGER NOT NULL REFERENCES risk_evaluations(log_index),
    ordinal          INTEGER NOT NULL,
    task             TEXT NOT NULL,
    metric           TEXT NOT NULL,
    variant          TEXT,
    value            REAL NOT NULL,
    stderr           REAL,
    samples          INTEGER,
    higher_is_better INTEGER,
    PRIMARY KEY (evaluation, ordinal)
);

CREATE TABLE risk_scorecard_confirmations (
    log_index        INTEGER PRIMARY KEY,
    system           TEXT NOT NULL,
    version          TEXT NOT NULL,
    category         TEXT NOT NULL,
    framework        TEXT NOT NULL,
    framework_digest TEXT NOT NULL,
    derived_pre      TEXT NOT NULL,
    derived_post     TEXT NOT NULL,
    confirmed_pre    TEXT NOT NULL,
    confirmed_post   TEXT NOT NULL,
    rationale        TEXT NOT NULL,
    visibility       TEXT NOT NULL,
    confirmed_at     TEXT NOT NULL,
    confirmed_by     TEXT NOT NULL
);
CREATE INDEX risk_confirmations_version ON risk_scorecard_confirmations (system, version);

CREATE TABLE risk_safeguards (
    log_index    INTEGER PRIMARY KEY,
    system       TEXT NOT NULL,
    version      TEXT NOT NULL,
    safeguard    TEXT NOT NULL,
    name         TEXT NOT NULL,
    standard     TEXT NOT NULL,
    asl          INTEGER,
    status       TEXT NOT NULL,
    category     TEXT,
    evidence     TEXT NOT NULL,
    description  TEXT,
    visibility   TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    recorded_by  TEXT NOT NULL
);

CREATE TABLE risk_forecast_alerts (
    log_index      INTEGER PRIMARY KEY,
    system         TEXT NOT NULL,
    metric_key     TEXT NOT NULL,
    category       TEXT NOT NULL,
    level          TEXT NOT NULL,
    basis_version  TEXT NOT NULL,
    framework      TEXT NOT NULL,
    upper_flop     REAL,
    upper_date     TEXT,
    summary        TEXT NOT NULL,
    visibility     TEXT NOT NULL,
    raised_at      TEXT NOT NULL
);

CREATE TABLE risk_register (
    risk_id            TEXT PRIMARY KEY,
    log_index          INTEGER NOT NULL,
    category           TEXT NOT NULL,
    title              TEXT NOT NULL,
    description        TEXT,
    owner              TEXT NOT NULL,
    likelihood         INTEGER NOT NULL,
    severity           INTEGER NOT NULL,
    treatment          TEXT NOT NULL,
    treatment_plan     TEXT,
    residual_likelihood INTEGER,
    residual_severity  INTEGER,
    review_date        TEXT NOT NULL,
    status             TEXT NOT NULL,
    links              TEXT NOT NULL,
    visibility         TEXT NOT NULL,
    created_at         TEXT NOT NULL,
    created_by         TEXT NOT NULL,
    updated_index      INTEGER NOT NULL,
    updated_at         TEXT NOT NULL,
    updated_by         TEXT NOT NULL
);

CREATE TABLE risk_register_changes (
    log_index   INTEGER PRIMARY KEY,
    risk_id     TEXT NOT NULL,
    kind        TEXT NOT NULL,
    reason      TEXT,
    fields      TEXT NOT NULL,
    changed_at  TEXT NOT NULL,
    changed_by  TEXT NOT NULL
);
CREATE INDEX risk_register_changes_risk ON risk_register_changes (risk_id);
