//! Round-robin passes: turns without text. One taken back (an undo) stays
//! in the file, marked `removed_at`, as a decision does.

use super::rows::{self, text_id, text_time};
use super::{Missing, Result, StoreError, Tx};
use crate::model::{new_id, Id, Pass};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

const COLUMNS: &str = "id, stage_id, participant_id, at, removed_at";

fn from_row(r: &Row) -> rusqlite::Result<Pass> {
    Ok(Pass {
        id: rows::id(r, 0)?,
        stage_id: rows::id(r, 1)?,
        participant_id: rows::id(r, 2)?,
        at: rows::time(r, 3)?,
        removed_at: rows::opt_time(r, 4)?,
    })
}

/// A session's passes, oldest first, those taken back included.
pub(super) fn passes(conn: &Connection, session: Id) -> Result<Vec<Pass>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM passes WHERE session_id = ?1 ORDER BY at, id"
    ))?;
    let list = stmt
        .query_map([text_id(&session)], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(list)
}

pub(super) fn insert_row(tx: &Transaction, session: Id, p: &Pass) -> rusqlite::Result<()> {
    tx.execute(
        &format!("INSERT INTO passes (session_id, {COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
        params![
            text_id(&session),
            text_id(&p.id),
            text_id(&p.stage_id),
            text_id(&p.participant_id),
            text_time(&p.at),
            rows::opt_text_time(&p.removed_at)
        ],
    )?;
    Ok(())
}

impl Tx<'_> {
    /// Records that `participant` passed their turn in `stage` now; someone
    /// not on the session's roster is not found.
    pub fn pass(&self, session: Id, stage: Id, participant: Id) -> Result<Pass> {
        let on_roster: bool = self.query_row(
            "SELECT EXISTS (SELECT 1 FROM participants
             WHERE id = ?1 AND session_id = ?2 AND removed_at IS NULL)",
            params![text_id(&participant), text_id(&session)],
            |r| r.get(0),
        )?;
        if !on_roster {
            return Err(StoreError::NotFound(Missing::Participant(participant)));
        }
        let p = Pass {
            id: new_id(),
            stage_id: stage,
            participant_id: participant,
            at: self.now(),
            removed_at: None,
        };
        insert_row(self, session, &p)?;
        Ok(p)
    }

    /// Writes a pass of `session` back as given (an undo or a redo) and
    /// returns it as it was.
    pub fn put_pass(&self, session: Id, p: &Pass) -> Result<Pass> {
        let before = self.one_pass(session, p.id, false)?;
        self.execute(
            "UPDATE passes SET removed_at = ?3 WHERE id = ?1 AND session_id = ?2",
            params![
                text_id(&p.id),
                text_id(&session),
                rows::opt_text_time(&p.removed_at)
            ],
        )?;
        Ok(before)
    }

    /// Takes a pass back (kept, marked) and returns it as it was.
    pub fn remove_pass(&self, session: Id, id: Id) -> Result<Pass> {
        let p = self.one_pass(session, id, true)?;
        self.execute(
            "UPDATE passes SET removed_at = ?2 WHERE id = ?1",
            params![text_id(&id), text_time(&self.now())],
        )?;
        Ok(p)
    }

    /// The session's passes, oldest first.
    pub fn passes(&self, session: Id) -> Result<Vec<Pass>> {
        passes(self, session)
    }

    /// One pass of `session`; with `standing`, only one not taken back.
    fn one_pass(&self, session: Id, id: Id, standing: bool) -> Result<Pass> {
        let p = self
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM passes
                     WHERE id = ?1 AND session_id = ?2 AND (?3 = 0 OR removed_at IS NULL)"
                ),
                params![text_id(&id), text_id(&session), standing],
                from_row,
            )
            .optional()?;
        p.ok_or(StoreError::NotFound(Missing::Pass(id)))
    }
}
