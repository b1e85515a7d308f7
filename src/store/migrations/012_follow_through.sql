-- Atelier schema: follow-through from one session of a workshop to the
-- next. A session may name the session it follows; an action may name the
-- action of that earlier session it was carried over from. Neither is a
-- foreign key: a bundle brings a session to another laptop without the
-- sessions before it, and the link must survive the trip (a link to a
-- session not in this file reads as no link).

ALTER TABLE sessions ADD COLUMN previous_id TEXT;
ALTER TABLE actions ADD COLUMN carried_from TEXT;
CREATE INDEX sessions_by_previous ON sessions(previous_id) WHERE previous_id IS NOT NULL;
