-- Atelier schema: an action carried over to a later session is closed where
-- it was agreed; reading a session's actions asks, for each, whether a live
-- copy elsewhere came from it. This index answers that without a scan.

CREATE INDEX actions_by_origin ON actions(carried_from) WHERE carried_from IS NOT NULL;
