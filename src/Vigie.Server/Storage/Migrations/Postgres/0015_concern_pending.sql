-- Concerns filed but not yet appended to the log (issue 7: a concern's position in the log must
-- not hint at when it was filed). A queue, not a projection: each row leaves when its two entries
-- are appended, at a random instant of the day after filing, independent of the filing time.
-- No exact filing time is kept: the day (as every concern entry) and the instant of the append.
CREATE TABLE concern_pending (
    locator     TEXT PRIMARY KEY,
    concern_id  TEXT NOT NULL UNIQUE,
    received    TEXT NOT NULL,
    filed       TEXT NOT NULL,
    received_on TEXT NOT NULL,
    append_at   TEXT NOT NULL
);
CREATE INDEX concern_pending_append_at ON concern_pending(append_at);
