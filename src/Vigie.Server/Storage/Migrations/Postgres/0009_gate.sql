-- Projection of the release gate (issue 4): policies proposed by policy-change decisions and
-- those made active (policy.activated), waivers proposed by waiver decisions and their standing,
-- and every gate evaluation (gate.checked). Rebuilt from the log by rebuild-projections.
CREATE TABLE policy_proposals (
    decision   TEXT PRIMARY KEY,
    log_index  BIGINT NOT NULL,
    name       TEXT NOT NULL,
    version    BIGINT NOT NULL,
    sha256     TEXT NOT NULL,
    text       TEXT NOT NULL,
    based_on   TEXT,
    status     TEXT NOT NULL,
    visibility TEXT NOT NULL,
    title      TEXT NOT NULL,
    opened_at  TEXT NOT NULL,
    opened_by  TEXT NOT NULL
);

CREATE TABLE policies (
    log_index        BIGINT PRIMARY KEY,
    name             TEXT NOT NULL,
    version          BIGINT NOT NULL,
    sha256           TEXT NOT NULL,
    title            TEXT NOT NULL,
    text             TEXT NOT NULL,
    decision         TEXT NOT NULL,
    restores         BIGINT NOT NULL,
    previous_version TEXT,
    previous_sha256  TEXT,
    changes          TEXT NOT NULL,
    diff             TEXT NOT NULL,
    diff_truncated   BIGINT NOT NULL,
    activated_at     TEXT NOT NULL,
    activated_by     TEXT NOT NULL
);

CREATE TABLE waivers (
    decision       TEXT PRIMARY KEY,
    log_index      BIGINT NOT NULL,
    rule_id        TEXT NOT NULL,
    system         TEXT NOT NULL,
    version        TEXT NOT NULL,
    action         TEXT NOT NULL,
    reason         TEXT NOT NULL,
    expires_at     TEXT NOT NULL,
    policy_version TEXT NOT NULL,
    status         TEXT NOT NULL,
    visibility     TEXT NOT NULL,
    requested_at   TEXT NOT NULL,
    requested_by   TEXT NOT NULL,
    closed_at      TEXT
);
CREATE INDEX waivers_scope ON waivers(system, version, action);

CREATE TABLE gate_checks (
    log_index      BIGINT PRIMARY KEY,
    system         TEXT NOT NULL,
    version        TEXT NOT NULL,
    action         TEXT NOT NULL,
    result         TEXT NOT NULL,
    dossier_digest TEXT NOT NULL,
    policy_version TEXT NOT NULL,
    policy_sha256  TEXT NOT NULL,
    rules          TEXT NOT NULL,
    visibility     TEXT NOT NULL,
    checked_at     TEXT NOT NULL,
    checked_by     TEXT NOT NULL
);
CREATE INDEX gate_checks_subject ON gate_checks(system, version, log_index);
