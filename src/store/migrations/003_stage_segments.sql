-- Atelier schema, version 3: a stage's time is a list of segments, one per
-- stretch it ran, so that a pause or a visit to another stage is not
-- counted. Each stage's former started_at/ended_at becomes one segment
-- (still open when the stage had not ended), then the columns go, so the
-- segments are the only record of time.

CREATE TABLE stage_segments (
    id         INTEGER PRIMARY KEY,
    stage_id   TEXT NOT NULL REFERENCES stages(id) ON DELETE CASCADE,
    started_at TEXT NOT NULL,
    ended_at   TEXT
);
CREATE INDEX stage_segments_by_stage ON stage_segments(stage_id, id);

INSERT INTO stage_segments (stage_id, started_at, ended_at)
SELECT id, started_at, ended_at FROM stages
WHERE started_at IS NOT NULL
ORDER BY rowid;

ALTER TABLE stages DROP COLUMN started_at;
ALTER TABLE stages DROP COLUMN ended_at;
