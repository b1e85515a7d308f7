//! The reads the room's public view needs, each bounded by one stage or one
//! session (never the whole file): the projector and the phones ask for
//! them again after every write, so they must stay cheap.

use super::contributions::{from_row, COLUMNS};
use super::rows::text_id;
use super::{Result, Store};
use crate::model::{Contribution, Id, Voting};

impl Store {
    /// The live contributions of one stage (not deleted, not parked),
    /// without their revisions, in no particular order (`Tree` orders
    /// them). Read along `contributions_by_session`.
    pub fn stage_items(&self, session: Id, stage: Id) -> Result<Vec<Contribution>> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM contributions
                 WHERE session_id = ?1 AND stage_id = ?2
                 AND deleted_at IS NULL AND parked_at IS NULL
                 ORDER BY position, rowid"
            ))?;
            let list = stmt
                .query_map([text_id(&session), text_id(&stage)], from_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(list)
        })
    }

    /// The session's vote as `Store::load` reads it (settings and dots).
    pub fn voting(&self, session: Id) -> Result<Voting> {
        self.read(|conn| super::votes::voting(conn, session))
    }
}
