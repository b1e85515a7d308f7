//! Stage structures (1-2-4-All) and their step starts. A stage's
//! structure is a column of `stages`; each step's start is a row of
//! `stage_steps`, so a restart resumes at the right step.

use super::rows::{self, text_id, text_time};
use super::{Missing, Result, StoreError, Tx};
use crate::model::{Id, Stage, Structure, Timestamp};
use rusqlite::{params, Connection};
use std::collections::HashMap;

/// Puts each stage's step starts in (a session's stages, read apart).
pub(super) fn attach_steps(conn: &Connection, session: Id, stages: &mut [Stage]) -> Result<()> {
    let index: HashMap<Id, usize> = stages.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
    let mut stmt = conn.prepare_cached(
        "SELECT t.stage_id, t.started_at FROM stage_steps t
         JOIN stages s ON s.id = t.stage_id WHERE s.session_id = ?1 ORDER BY t.stage_id, t.step",
    )?;
    let found = stmt.query_map([text_id(&session)], |r| {
        Ok((rows::id(r, 0)?, rows::time(r, 1)?))
    })?;
    for row in found {
        let (stage, at) = row?;
        if let Some(&i) = index.get(&stage) {
            stages[i].step_starts.push(at);
        }
    }
    Ok(())
}

/// Writes a stage's step starts, replacing those it had.
pub(super) fn write_steps(
    conn: &Connection,
    stage: Id,
    starts: &[Timestamp],
) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM stage_steps WHERE stage_id = ?1",
        [text_id(&stage)],
    )?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO stage_steps (stage_id, step, started_at) VALUES (?1, ?2, ?3)",
    )?;
    for (step, at) in starts.iter().enumerate() {
        stmt.execute(params![text_id(&stage), step as i64, text_time(at)])?;
    }
    Ok(())
}

pub(super) fn read_structure(r: &rusqlite::Row, idx: usize) -> rusqlite::Result<Structure> {
    rows::parsed(r, idx, "structure", Structure::parse)
}

impl Tx<'_> {
    /// Sets how a stage runs (open discussion or a 1-2-4-All).
    pub fn set_structure(&self, stage: Id, structure: Structure) -> Result<()> {
        let n = self.execute(
            "UPDATE stages SET structure = ?2 WHERE id = ?1",
            params![text_id(&stage), structure.key()],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound(Missing::Stage(stage)));
        }
        Ok(())
    }

    /// Replaces a stage's step starts (a step advanced, or its undo).
    pub fn put_step_starts(&self, stage: Id, starts: &[Timestamp]) -> Result<()> {
        super::stages::stage_session(self, stage)?;
        if starts.len() > crate::model::Step::ALL.len() {
            return Err(StoreError::Invalid(super::Refused::TooManySteps));
        }
        Ok(write_steps(self, stage, starts)?)
    }
}
