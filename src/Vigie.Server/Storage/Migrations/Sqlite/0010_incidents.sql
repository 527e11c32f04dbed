-- Projection of incident.* entries (issue 7). An incident's id is "inc-" and the log index of
-- its opening entry. Its fields are kept as canonical JSON (record), next to the columns that
-- lists, clocks and the release dossier filter on. When an incident's record expires under
-- retention, its rows here go with the sealed bodies; the expiry stays in incident_expiries.
CREATE TABLE incidents (
    log_index       INTEGER PRIMARY KEY,
    title           TEXT    NOT NULL,
    system          TEXT,
    version         TEXT,
    category        TEXT    NOT NULL,
    severity        TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    imminent_danger INTEGER NOT NULL,
    discovered_at   TEXT    NOT NULL,
    resolved_at     TEXT,
    visibility      TEXT    NOT NULL,
    opened_at       TEXT    NOT NULL,
    opened_by       TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    updated_index   INTEGER NOT NULL,
    record          TEXT    NOT NULL
);
CREATE INDEX incidents_status ON incidents(status);
CREATE INDEX incidents_system ON incidents(system);

-- Every change of an incident's record: opened, updated, resolved, reopened.
CREATE TABLE incident_events (
    log_index INTEGER PRIMARY KEY,
    incident  INTEGER NOT NULL,
    kind      TEXT    NOT NULL,
    at        TEXT    NOT NULL,
    actor     TEXT,
    changed   TEXT    NOT NULL,
    note      TEXT
);
CREATE INDEX incident_events_incident ON incident_events(incident);

-- Reports sent to a regime's authority (documentation: kept longer than the record).
CREATE TABLE incident_submissions (
    log_index     INTEGER PRIMARY KEY,
    incident      INTEGER NOT NULL,
    regime        TEXT    NOT NULL,
    obligation    TEXT    NOT NULL,
    submitted_at  TEXT    NOT NULL,
    reference     TEXT,
    recipient     TEXT,
    note          TEXT,
    report        TEXT    NOT NULL,
    sent_text     TEXT,
    report_sha256 TEXT    NOT NULL,
    visibility    TEXT    NOT NULL,
    recorded_at   TEXT    NOT NULL,
    recorded_by   TEXT
);
CREATE INDEX incident_submissions_incident ON incident_submissions(incident);

-- Retention expiries (public entries): what was erased, when, and under which rule.
CREATE TABLE incident_expiries (
    log_index  INTEGER PRIMARY KEY,
    incident   INTEGER NOT NULL,
    part       TEXT    NOT NULL,
    expired_on TEXT    NOT NULL,
    erased     TEXT    NOT NULL,
    rule       TEXT    NOT NULL
);
CREATE INDEX incident_expiries_incident ON incident_expiries(incident);
