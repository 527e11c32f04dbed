-- Projection of evidence.recorded entries. The id shown to people is "ev-" and log_index.
CREATE TABLE evidence (
    sha256      TEXT NOT NULL,
    name        TEXT NOT NULL,
    media_type  TEXT,
    size_bytes  BIGINT,
    subject     TEXT,
    description TEXT,
    visibility  TEXT NOT NULL,
    log_index   BIGINT PRIMARY KEY,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);
CREATE INDEX evidence_sha256 ON evidence(sha256);
CREATE INDEX evidence_subject ON evidence(subject);
