-- Projection of card.revised entries: every revision of every version's model card.
-- Numbers are BIGINT so they read back as the same type as on SQLite (64-bit INTEGER).
CREATE TABLE card_revisions (
    system              TEXT NOT NULL,
    version             TEXT NOT NULL,
    revision            BIGINT NOT NULL,
    material            BIGINT NOT NULL,
    note                TEXT,
    card_json           TEXT NOT NULL,
    card_sha256         TEXT NOT NULL,
    diff_json           TEXT,
    diff_values_omitted BIGINT NOT NULL,
    source_json         TEXT,
    visibility          TEXT NOT NULL,
    log_index           BIGINT NOT NULL UNIQUE,
    revised_at          TEXT NOT NULL,
    revised_by          TEXT NOT NULL,
    PRIMARY KEY (system, version, revision)
);
