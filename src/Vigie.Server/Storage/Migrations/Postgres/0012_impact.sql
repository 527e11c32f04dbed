-- Projection of the impact entries (impact.*, regulatory.*, rights.*): energy estimates of training
-- runs, fairness assessments, obligations recorded as met, revenue, EU AI Act classifications, FRIAs.
-- Numbers are BIGINT and DOUBLE PRECISION so they read back as the same types as on SQLite.
CREATE TABLE impact_energy (
    log_index     BIGINT PRIMARY KEY,
    system        TEXT NOT NULL,
    version       TEXT NOT NULL,
    run           TEXT NOT NULL,
    it_kwh        DOUBLE PRECISION NOT NULL,
    facility_kwh  DOUBLE PRECISION NOT NULL,
    co2e_kg       DOUBLE PRECISION,
    water_litres  DOUBLE PRECISION,
    estimate_json TEXT NOT NULL,
    visibility    TEXT NOT NULL,
    recorded_at   TEXT NOT NULL,
    recorded_by   TEXT NOT NULL
);
CREATE INDEX impact_energy_version ON impact_energy(system, version);

CREATE TABLE impact_fairness (
    log_index          BIGINT PRIMARY KEY,
    system             TEXT NOT NULL,
    version            TEXT NOT NULL,
    assessment         TEXT NOT NULL,
    file_sha256        TEXT NOT NULL,
    rows_read          BIGINT NOT NULL,
    passes_four_fifths BIGINT,
    report_json        TEXT NOT NULL,
    visibility         TEXT NOT NULL,
    recorded_at        TEXT NOT NULL,
    recorded_by        TEXT NOT NULL
);
CREATE INDEX impact_fairness_version ON impact_fairness(system, version);

CREATE TABLE regulatory_met (
    log_index   BIGINT PRIMARY KEY,
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
    log_index   BIGINT PRIMARY KEY,
    year        BIGINT NOT NULL,
    revenue_usd DOUBLE PRECISION NOT NULL,
    source      TEXT NOT NULL,
    visibility  TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);

CREATE TABLE rights_classifications (
    log_index   BIGINT PRIMARY KEY,
    system      TEXT NOT NULL,
    revision    BIGINT NOT NULL,
    tier        TEXT NOT NULL,
    answers_json TEXT NOT NULL,
    result_json TEXT NOT NULL,
    visibility  TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    UNIQUE (system, revision)
);

CREATE TABLE rights_fria (
    log_index    BIGINT PRIMARY KEY,
    system       TEXT NOT NULL,
    deployment   TEXT NOT NULL,
    revision     BIGINT NOT NULL,
    version      TEXT NOT NULL,
    document_json TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    visibility   TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    recorded_by  TEXT NOT NULL,
    UNIQUE (system, deployment, revision)
);

CREATE TABLE rights_fria_reviews (
    log_index   BIGINT PRIMARY KEY,
    system      TEXT NOT NULL,
    deployment  TEXT NOT NULL,
    revision    BIGINT NOT NULL,
    decision    TEXT NOT NULL,
    comment     TEXT NOT NULL,
    visibility  TEXT NOT NULL,
    reviewed_at TEXT NOT NULL,
    reviewed_by TEXT NOT NULL
);
