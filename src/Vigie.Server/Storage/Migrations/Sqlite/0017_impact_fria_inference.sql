-- FRIA review decisions (fria-approval decisions under the charter, projected from decision entries),
-- a note on FRIA revisions, and recorded inference estimates. rights_fria_reviews was never written
-- (its entry kind had no endpoint): the review is a charter decision now (ADR 0012).
DROP TABLE rights_fria_reviews;

ALTER TABLE rights_fria ADD COLUMN note TEXT;

CREATE TABLE rights_fria_decisions (
    decision    TEXT PRIMARY KEY,
    log_index   INTEGER NOT NULL,
    system      TEXT NOT NULL,
    deployment  TEXT NOT NULL,
    revision    INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    status      TEXT NOT NULL,
    visibility  TEXT NOT NULL,
    opened_at   TEXT NOT NULL,
    opened_by   TEXT NOT NULL,
    closed_at   TEXT
);
CREATE INDEX rights_fria_decisions_fria ON rights_fria_decisions(system, deployment);

CREATE TABLE impact_inference (
    log_index     INTEGER PRIMARY KEY,
    system        TEXT NOT NULL,
    version       TEXT NOT NULL,
    name          TEXT NOT NULL,
    estimate_json TEXT NOT NULL,
    visibility    TEXT NOT NULL,
    recorded_at   TEXT NOT NULL,
    recorded_by   TEXT NOT NULL
);
CREATE INDEX impact_inference_version ON impact_inference(system, version);
