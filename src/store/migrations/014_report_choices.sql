-- Atelier schema: how a session's report reads, chosen per session (and
-- overridable per export): the discussion grouped by kind or in spoken
-- order, and whether per-person participation counts are shown to
-- participants. The defaults are the reports' earlier layout, with the
-- per-person counts kept for the facilitator. And where the session took
-- place, for the report's cover (empty: not said).

ALTER TABLE sessions ADD COLUMN report_order TEXT NOT NULL DEFAULT 'kind'
    CHECK (report_order IN ('kind', 'spoken'));
ALTER TABLE sessions ADD COLUMN report_person_stats TEXT NOT NULL DEFAULT 'hide'
    CHECK (report_person_stats IN ('hide', 'show'));
ALTER TABLE sessions ADD COLUMN place TEXT NOT NULL DEFAULT '';
