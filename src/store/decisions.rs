//! A session's decision log. A decision taken back (an undo) stays in the
//! file, marked `removed_at`, so that nothing typed is lost.

use super::rows::{self, text_id, text_time};
use super::{Missing, Result, StoreError, Tx};
use crate::model::{new_id, Decision, Id};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

const COLUMNS: &str = "id, text, decided_at, removed_at";

fn from_row(r: &Row) -> rusqlite::Result<Decision> {
    Ok(Decision {
        id: rows::id(r, 0)?,
        text: r.get(1)?,
        decided_at: rows::time(r, 2)?,
        removed_at: rows::opt_time(r, 3)?,
    })
}

/// A session's decisions, oldest first, those taken back included.
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
        &format!("INSERT INTO decisions (session_id, {COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5)"),
        params![
            text_id(&session),
            text_id(&d.id),
            d.text,
            text_time(&d.decided_at),
            rows::opt_text_time(&d.removed_at)
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
            removed_at: None,
        };
        insert_row(self, session, &d)?;
        Ok(d)
    }

    /// Writes a decision of `session` back exactly as given (an undo or a
    /// redo) and returns it as it was; a decision of another session is
    /// not found.
    pub fn put_decision(&self, session: Id, d: &Decision) -> Result<Decision> {
        let before = self.decision(session, d.id, false)?;
        self.execute(
            "UPDATE decisions SET text = ?3, decided_at = ?4, removed_at = ?5
             WHERE id = ?1 AND session_id = ?2",
            params![
                text_id(&d.id),
                text_id(&session),
                d.text,
                text_time(&d.decided_at),
                rows::opt_text_time(&d.removed_at)
            ],
        )?;
        Ok(before)
    }

    /// One decision of `session`; with `logged`, only one not taken back.
    fn decision(&self, session: Id, id: Id, logged: bool) -> Result<Decision> {
        let d = self
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM decisions
                     WHERE id = ?1 AND session_id = ?2 AND (?3 = 0 OR removed_at IS NULL)"
                ),
                params![text_id(&id), text_id(&session), logged],
                from_row,
            )
            .optional()?;
        d.ok_or(StoreError::NotFound(Missing::Decision(id)))
    }

    /// Takes a decision out of the log (kept, marked) and returns it as it
    /// was; one already taken back is not found.
    pub fn remove_decision(&self, session: Id, id: Id) -> Result<Decision> {
        let d = self.decision(session, id, true)?;
        self.execute(
            "UPDATE decisions SET removed_at = ?2 WHERE id = ?1",
            params![text_id(&id), text_time(&self.now())],
        )?;
        Ok(d)
    }

    /// The session's decisions, oldest first.
    pub fn decisions(&self, session: Id) -> Result<Vec<Decision>> {
        decisions(self, session)
    }
}
