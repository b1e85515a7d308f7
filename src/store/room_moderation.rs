//! What the facilitator's moderation of the room reads besides the inbox
//! itself: the pending count the run screen shows at every refresh (one
//! COUNT on the inbox index, never the rows), and inputs named by a short
//! id on the command line.

use super::rows::text_id;
use super::short_ids::Named;
use super::{Missing, Result, Store, Tx};
use crate::model::Id;
use rusqlite::Connection;

fn pending_count(conn: &Connection, session: Id) -> Result<usize> {
    // `room_inbox_by_session (session_id, state, received_at)` answers it
    // from the index alone.
    let n: i64 = conn
        .prepare_cached(
            "SELECT COUNT(*) FROM room_inbox WHERE session_id = ?1 AND state = 'pending'",
        )?
        .query_row([text_id(&session)], |r| r.get(0))?;
    Ok(usize::try_from(n).unwrap_or(0))
}

impl Store {
    /// How many inputs from the room wait for the facilitator.
    pub fn pending_inputs(&self, session: Id) -> Result<usize> {
        self.read(|conn| pending_count(conn, session))
    }

    /// The input of `session`'s inbox that `reference` designates: a full
    /// id or a unique part of one (`atelier inbox` prints the last eight
    /// characters).
    pub fn resolve_inbox_item(&self, session: Id, reference: &str) -> Result<Id> {
        let named = Named {
            table: "room_inbox",
            listed_only: false,
            not_an_id: Missing::NotAnInputId,
            none: Missing::NoInputMatches,
            several: Missing::SeveralInputs,
        };
        Ok(self.resolve_short(&named, Some(session), reference)?.1)
    }
}

impl Tx<'_> {
    pub fn pending_inputs(&self, session: Id) -> Result<usize> {
        pending_count(self, session)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The run screen reads the count at every outside write: SQLite
    /// answers it from the inbox index alone, whatever the inbox holds.
    #[test]
    fn the_pending_count_reads_the_index_only() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("plan.sqlite3")).unwrap();
        let mut stmt = store
            .conn
            .prepare(
                "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM room_inbox \
                 WHERE session_id = ?1 AND state = 'pending'",
            )
            .unwrap();
        let plan: Vec<String> = stmt
            .query_map(["x"], |r| r.get::<_, String>(3))
            .unwrap()
            .map(|row| row.unwrap())
            .collect();
        let text = plan.join("\n");
        assert!(
            text.contains("USING COVERING INDEX room_inbox_by_session"),
            "{text}"
        );
    }
}
