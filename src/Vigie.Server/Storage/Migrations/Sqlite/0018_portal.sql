-- Selective disclosure and stated reasons for withholding (issue 8), projections of the
-- disclosure.published and redaction.reason-stated entries. The index lets the public portal
-- list withheld entries without reading the whole log.
CREATE TABLE portal_disclosures (
    log_index    INTEGER PRIMARY KEY,
    entry        INTEGER NOT NULL,
    reason       TEXT,
    published_at TEXT    NOT NULL,
    published_by TEXT    NOT NULL
);
CREATE INDEX portal_disclosures_entry ON portal_disclosures (entry);
CREATE TABLE portal_redaction_reasons (
    log_index INTEGER PRIMARY KEY,
    entry     INTEGER NOT NULL,
    reason    TEXT    NOT NULL,
    stated_at TEXT    NOT NULL,
    stated_by TEXT    NOT NULL
);
CREATE INDEX portal_redaction_reasons_entry ON portal_redaction_reasons (entry);
CREATE INDEX log_entries_visibility ON log_entries (visibility, idx);
