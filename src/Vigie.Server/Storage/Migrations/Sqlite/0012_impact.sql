-- Projection of the impact entries (impact.*, regulatory.*, rights.*): energy estimates of training
-- runs, fairness assessments, obligations recorded as met, revenue, EU AI Act classifications, FRIAs.
CREATE TABLE impact_energy (
    log_index     INTEGER PRIMARY KEY,
    system        TEXT NOT NULL,
    version       TEXT NOT NULL,
    run           TEXT NOT NULL,
    it_kwh        REAL NOT NULL,
    facility_kwh  REAL NOT NULL,
    co2e_kg       REAL,
    water_litres  REAL,
    estimate_json TEXT NOT NULL,
    visibility    TEXT NOT NULL,
    recorded_at   TEXT NOT NULL,
    recorded_by   TEXT NOT NULL
);
CREATE INDEX impact_energy_version ON impact_energy(system, version);

CREATE TABLE impact_fairness (
    log_index          INTEGER PRIMARY KEY,
    system             TEXT NOT NULL,
    version            TEXT NOT NULL,
    assessment         TEXT NOT NULL,
    file_sha256        TEXT NOT NULL,
    rows_read          INTEGER NOT NULL,
    passes_four_fifths INTEGER,
    report_json        TEXT NOT NULL,
    visibility         TEXT NOT NULL,
    recorded_at        TEXT NOT NULL,
    recorded_by        TEXT NOT NULL
);
CREATE INDEX impact_fairness_version ON impact_fairness(system, version);

CREATE TABLE regulatory_met (
    log_index   INTEGER PRIMARY KEY,
    system      TEXT NOT NULL,
    obligation  TEXT NOT NULL,
    reference   TEXT NOT NULL,
    note        TEXT,
    visibility  TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);
CREATE INDEX regulatory_met_system ON regulatory_met(system);

CREATE TABLE regulatory_revenue (
    log_index   INTEGER PRIMARY KEY,
    year        INTEGER NOT NULL,
    revenue_usd REAL NOT NULL,
    source      TEXT NOT NULL,
    visibility  TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);

CREATE TABLE rights_classifications (
    log_index   INTEGER PRIMARY KEY,
    system      TEXT NOT NULL,
    revision    INTEGER NOT NULL,
    tier        TEXT NOT NULL,
    answers_json TEXT NOT NULL,
    result_json TEXT NOT NULL,
    visibility  TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    UNIQUE (system, revision)
);

CREATE TABLE rights_fria (
    log_index    INTEGER PRIMARY KEY,
    system       TEXT NOT NULL,
    deployment   TEXT NOT NULL,
    revision     INTEGER NOT NULL,
    version      TEXT NOT NULL,
    document_json TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    visibility   TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    recorded_by  TEXT NOT NULL,
    UNIQUE (system, deployment, revision)
);

CREATE TABLE rights_fria_reviews (
    log_index   INTEGER PRIMARY KEY,
    system      TEXT NOT NULL,
    deployment  TEXT NOT NULL,
    revision    INTEGER NOT NULL,
    decision    TEXT NOT NULL,
    comment     TEXT NOT NULL,
    visibility  TEXT NOT NULL,
    reviewed_at TEXT NOT NULL,
    reviewed_by TEXT NOT NULL
);
