-- Atelier schema: when a closed session was last reopened to correct its
-- report (NULL: never). Stage clocks run only during the workshop; a
-- reopened session is edited without them, so the report's actual time
-- per stage stays what the workshop took (see `model::lifecycle`).

ALTER TABLE sessions ADD COLUMN reopened_at TEXT;
