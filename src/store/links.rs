//! Links between contributions: `from` answers (builds on) `to`. A link
//! taken back (an unlink or an undo) stays in the file, marked
//! `removed_at`, so that at most one link per pair stands at a time and
//! an undo can put the very same row back.

use super::rows::{self, text_id, text_time};
use super::{Missing, Refused, Result, StoreError, Tx};
use crate::model::{new_id, Id, Link};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

const COLUMNS: &str = "id, from_id, to_id, created_at, removed_at";

fn from_row(r: &Row) -> rusqlite::Result<Link> {
    Ok(Link {
        id: rows::id(r, 0)?,
        from: rows::id(r, 1)?,
        to: rows::id(r, 2)?,
        created_at: rows::time(r, 3)?,
        removed_at: rows::opt_time(r, 4)?,
    })
}

/// A session's links, oldest first, those taken back included.
pub(super) fn links(conn: &Connection, session: Id) -> Result<Vec<Link>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM links WHERE session_id = ?1 ORDER BY created_at, id"
    ))?;
    let list = stmt
        .query_map([text_id(&session)], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(list)
}

pub(super) fn insert_row(tx: &Transaction, session: Id, l: &Link) -> rusqlite::Result<()> {
    tx.execute(
        &format!("INSERT INTO links (session_id, {COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
        params![
            text_id(&session),
            text_id(&l.id),
            text_id(&l.from),
            text_id(&l.to),
            text_time(&l.created_at),
            rows::opt_text_time(&l.removed_at)
        ],
    )?;
    Ok(())
}

/// Whether ?1 answers ?2 through standing links. Each step follows the
/// index on standing links by `from_id`; links never cross sessions (a
/// trigger refuses it), so the walk stays in ?1's session.
pub(super) const ANSWERS_STEP_BY_STEP: &str = "WITH RECURSIVE answered(id) AS (
         SELECT ?1
         UNION
         SELECT l.to_id FROM links l JOIN answered a ON l.from_id = a.id
         WHERE l.removed_at IS NULL
     )
     SELECT 1 FROM answered WHERE id = ?2 LIMIT 1";

impl Tx<'_> {
    /// Checks that `id` is a contribution of `session` that is not
    /// deleted, and gives its kind.
    fn link_end(&self, session: Id, id: Id) -> Result<crate::model::Kind> {
        let c = self.contribution(id)?;
        if self.contribution_session(id)? != session {
            return Err(StoreError::NotFound(Missing::Contribution(id)));
        }
        if c.deleted_at.is_some() {
            return Err(StoreError::Invalid(Refused::LinkToDeleted));
        }
        Ok(c.kind)
    }

    /// Whether `from` answers `to` through standing links, step by step.
    /// One recursive query over the index on `from_id`; `UNION` keeps each
    /// item once, so it ends whatever the links hold.
    fn answers_step_by_step(&self, from: Id, to: Id) -> Result<bool> {
        Ok(self
            .query_row(
                ANSWERS_STEP_BY_STEP,
                params![text_id(&from), text_id(&to)],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// The standing link from `from` to `to`, if there is one.
    fn live_link(&self, session: Id, from: Id, to: Id) -> Result<Option<Link>> {
        Ok(self
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM links WHERE from_id = ?1 AND to_id = ?2
                     AND session_id = ?3 AND removed_at IS NULL"
                ),
                params![text_id(&from), text_id(&to), text_id(&session)],
                from_row,
            )
            .optional()?)
    }

    /// Links `from` to each of `to` not linked yet and returns the links
    /// made (those already standing are left as they are). A self link, an
    /// end in another session or a deleted end is refused.
    pub fn link(&self, session: Id, from: Id, to: &[Id]) -> Result<Vec<Link>> {
        let from_kind = self.link_end(session, from)?;
        let mut made = Vec::new();
        for &target in to {
            if target == from {
                return Err(StoreError::Invalid(Refused::SelfLink));
            }
            let to_kind = self.link_end(session, target)?;
            if !crate::model::may_answer(from_kind, to_kind) {
                return Err(StoreError::Invalid(Refused::LinkBackwards));
            }
            if self.answers_step_by_step(target, from)? {
                return Err(StoreError::Invalid(Refused::LinkLoop));
            }
            if self.live_link(session, from, target)?.is_some() {
                continue;
            }
            let l = Link {
                id: new_id(),
                from,
                to: target,
                created_at: self.now(),
                removed_at: None,
            };
            insert_row(self, session, &l)?;
            made.push(l);
        }
        Ok(made)
    }

    /// Takes back the standing links from `from` to each of `to` and
    /// returns them as they were; a pair not linked is not found.
    pub fn unlink(&self, session: Id, from: Id, to: &[Id]) -> Result<Vec<Link>> {
        let mut taken = Vec::new();
        for &target in to {
            let l = self
                .live_link(session, from, target)?
                .ok_or(StoreError::NotFound(Missing::Link(from, target)))?;
            self.execute(
                "UPDATE links SET removed_at = ?2 WHERE id = ?1",
                params![text_id(&l.id), text_time(&self.now())],
            )?;
            taken.push(l);
        }
        Ok(taken)
    }

    /// Writes links of `session` back exactly as given (an undo or a redo)
    /// and returns them as they were; one of another session is not found.
    pub fn put_links(&self, session: Id, list: &[Link]) -> Result<Vec<Link>> {
        let mut before = Vec::new();
        for l in list {
            let was = self
                .query_row(
                    &format!("SELECT {COLUMNS} FROM links WHERE id = ?1 AND session_id = ?2"),
                    params![text_id(&l.id), text_id(&session)],
                    from_row,
                )
                .optional()?
                .ok_or(StoreError::NotFound(Missing::Link(l.from, l.to)))?;
            self.execute(
                "UPDATE links SET created_at = ?2, removed_at = ?3 WHERE id = ?1",
                params![
                    text_id(&l.id),
                    text_time(&l.created_at),
                    rows::opt_text_time(&l.removed_at)
                ],
            )?;
            before.push(was);
        }
        Ok(before)
    }

    /// The session's links, oldest first.
    pub fn links(&self, session: Id) -> Result<Vec<Link>> {
        links(self, session)
    }
}
