//! A session's decision log: rows added and taken back whole.

use super::rows::{self, text_id, text_time};
use super::{Missing, Result, StoreError, Tx};
use crate::model::{new_id, Decision, Id};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

const COLUMNS: &str = "id, text, decided_at";

fn from_row(r: &Row) -> rusqlite::Result<Decision> {
    Ok(Decision {
        id: rows::id(r, 0)?,
        text: r.get(1)?,
        decided_at: rows::time(r, 2)?,
    })
}

/// A session's decisions, oldest first.
pub(super) fn decisions(conn: &Connection, session: Id) -> Result<Vec<Decision>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM decisions WHERE session_id = ?1 ORDER BY decided_at, id"
    ))?;
    let list = stmt
        .query_map([text_id(&session)], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(list)
}

pub(super) fn insert_row(tx: &Transaction, session: Id, d: &Decision) -> rusqlite::Result<()> {
    tx.execute(
        &format!("INSERT INTO decisions (session_id, {COLUMNS}) VALUES (?1, ?2, ?3, ?4)"),
        params![
            text_id(&session),
            text_id(&d.id),
            d.text,
            text_time(&d.decided_at)
        ],
    )?;
    Ok(())
}

impl Tx<'_> {
    /// Logs a decision taken now; an empty text is refused.
    pub fn decide(&self, session: Id, text: &str) -> Result<Decision> {
        if text.trim().is_empty() {
            return Err(StoreError::Invalid(super::Refused::EmptyText));
        }
        let d = Decision {
            id: new_id(),
            text: text.to_string(),
            decided_at: self.now(),
        };
        self.put_decision(session, &d)?;
        Ok(d)
    }

    /// Writes a decision back exactly as given (to undo its removal).
    pub fn put_decision(&self, session: Id, d: &Decision) -> Result<()> {
        insert_row(self, session, d)?;
        Ok(())
    }

    /// Takes a decision out of the log and returns it as it was.
    pub fn remove_decision(&self, session: Id, id: Id) -> Result<Decision> {
        let d = self
            .query_row(
                &format!("SELECT {COLUMNS} FROM decisions WHERE id = ?1 AND session_id = ?2"),
                params![text_id(&id), text_id(&session)],
                from_row,
            )
            .optional()?
            .ok_or(StoreError::NotFound(Missing::Decision(id)))?;
        self.execute("DELETE FROM decisions WHERE id = ?1", [text_id(&id)])?;
        Ok(d)
    }

    /// The session's decisions, oldest first.
    pub fn decisions(&self, session: Id) -> Result<Vec<Decision>> {
        decisions(self, session)
    }
}
