-- Projection of card.revised entries: every revision of every version's model card.
CREATE TABLE card_revisions (
    system              TEXT NOT NULL,
    version             TEXT NOT NULL,
    revision            INTEGER NOT NULL,
    material            INTEGER NOT NULL,
    note                TEXT,
    card_json           TEXT NOT NULL,
    card_sha256         TEXT NOT NULL,
    diff_json           TEXT,
    diff_values_omitted INTEGER NOT NULL,
    source_json         TEXT,
    visibility          TEXT NOT NULL,
    log_index           INTEGER NOT NULL UNIQUE,
    revised_at          TEXT NOT NULL,
    revised_by          TEXT NOT NULL,
    PRIMARY KEY (system, version, revision)
);
