//! The parking lot: a contribution parked with its sub-points leaves its
//! stage's list and keeps everything else (author, text, place); unparking
//! brings it back at the end of a stage. Like the other primitives, each
//! returns the rows as they were, for the inverse.

use super::contribution_writes::{next_position, place, subtree};
use super::rows::{text_id, text_time};
use super::{Refused, Result, StoreError, Tx};
use crate::model::{Contribution, Id};
use rusqlite::params;

impl Tx<'_> {
    /// Parks a contribution and its live sub-points, all at this instant.
    pub fn park(&self, id: Id) -> Result<Vec<Contribution>> {
        let before: Vec<Contribution> = self
            .contributions(&subtree(self, id)?)?
            .into_iter()
            .filter(|c| c.is_live())
            .collect();
        for c in &before {
            self.execute(
                "UPDATE contributions SET parked_at = ?2 WHERE id = ?1",
                params![text_id(&c.id), text_time(&self.now())],
            )?;
        }
        Ok(before)
    }

    /// Brings a parked contribution, and the sub-points parked with it,
    /// back as the last item of `stage` (top level: its former parent may
    /// have moved on). Nothing happens to a contribution not parked.
    pub fn unpark(&self, id: Id, stage: Id) -> Result<Vec<Contribution>> {
        let target = self.contribution(id)?;
        let Some(parked_at) = target.parked_at else {
            return Ok(Vec::new());
        };
        if super::stages::stage_session(self, stage)? != place(self, id)?.session {
            return Err(StoreError::Invalid(Refused::MoveOutOfSession));
        }
        let before = self.contributions(&subtree(self, id)?)?;
        let position = next_position(self, stage, None)?;
        for c in before.iter().filter(|c| c.parked_at == Some(parked_at)) {
            self.execute(
                "UPDATE contributions SET parked_at = NULL, stage_id = ?2 WHERE id = ?1",
                params![text_id(&c.id), text_id(&stage)],
            )?;
        }
        self.execute(
            "UPDATE contributions SET parent_id = NULL, position = ?2 WHERE id = ?1",
            params![text_id(&id), position],
        )?;
        Ok(before)
    }
}
