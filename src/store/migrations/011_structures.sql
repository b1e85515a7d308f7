-- Atelier schema: Liberating Structures and per-contribution anonymity.
-- A stage runs as an open discussion ('plain') or a 1-2-4-All; the start
-- of each of its steps is a row of stage_steps (step 0 = alone, 1 = pairs,
-- 2 = foursomes, 3 = all), so a restart resumes at the right step. A
-- contribution may carry the group that shared it in the "All" step, and
-- be a person's contribution stored without its author (anonymous = 1,
-- participant_id NULL), as opposed to the whole group's.

ALTER TABLE stages ADD COLUMN structure TEXT NOT NULL DEFAULT 'plain'
    CHECK (structure IN ('plain', '1-2-4-all'));

CREATE TABLE stage_steps (
    stage_id   TEXT NOT NULL REFERENCES stages(id) ON DELETE CASCADE,
    step       INTEGER NOT NULL CHECK (step BETWEEN 0 AND 3),
    started_at TEXT NOT NULL,
    PRIMARY KEY (stage_id, step)
);

ALTER TABLE contributions ADD COLUMN group_no INTEGER
    CHECK (group_no IS NULL OR group_no BETWEEN 1 AND 999);
ALTER TABLE contributions ADD COLUMN anonymous INTEGER NOT NULL DEFAULT 0
    CHECK (anonymous IN (0, 1) AND (anonymous = 0 OR participant_id IS NULL));
