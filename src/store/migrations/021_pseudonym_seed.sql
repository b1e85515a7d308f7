-- A random seed per session, kept with it: an anonymous report numbers its
-- people ("Participant 3") in the order of a keyed hash of this seed and
-- each participant's id, an order nobody can derive from the roster, the
-- order people joined or their names without the database. Existing
-- sessions get a fresh seed each.
ALTER TABLE sessions ADD COLUMN pseudonym_seed TEXT NOT NULL DEFAULT '';
UPDATE sessions SET pseudonym_seed = lower(hex(randomblob(16)));
