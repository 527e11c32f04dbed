-- Cosignatures witnesses returned for the log's checkpoints (C2SP tlog-witness). Not ledger
-- entries and not a projection: they are statements by others about checkpoints, kept so they
-- are served again after a restart. Each line was verified with the witness's key before it was stored.
CREATE TABLE witness_cosignatures (
    witness     TEXT    NOT NULL,
    size        INTEGER NOT NULL,
    line        TEXT    NOT NULL,
    cosigned_at TEXT    NOT NULL,
    PRIMARY KEY (witness, size)
);
CREATE INDEX witness_cosignatures_size ON witness_cosignatures (size);
