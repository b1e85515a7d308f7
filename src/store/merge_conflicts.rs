//! Conflicts left by merges (see `bundle::merge`): listed for the
//! organiser and settled by keeping one side.

use super::rows::{self, opt_text_id, text_id, text_time};
use super::{Missing, Result, Store, StoreError};
pub use crate::model::merge::Keep;
use crate::model::merge::LoggedConflict;
use crate::model::{Id, Timestamp};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::HashSet;

/// One contribution changed on two laptops. `None`: deleted on that side.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeConflict {
    pub id: Id,
    pub session: Id,
    pub session_title: String,
    pub contribution: Id,
    /// The bundle's text as a contribution of its own (edited on both
    /// sides), while it stands.
    pub copy: Option<Id>,
    pub mine: Option<String>,
    pub theirs: Option<String>,
    /// The bundle file it came from.
    pub file: String,
    pub found_at: Timestamp,
    pub settled_at: Option<Timestamp>,
}

/// Open: not settled, and its copy not deleted (deleting the copy with
/// `atelier delete` keeps our text: that settles it too).
const LIST: &str = "SELECT m.id, m.session_id, s.title, m.contribution_id, m.copy_id, m.mine,
       m.theirs, m.file, m.found_at, m.settled_at
     FROM merge_conflicts m JOIN sessions s ON s.id = m.session_id
     LEFT JOIN contributions c ON c.id = m.copy_id
     WHERE (?1 IS NULL OR m.session_id = ?1)
       AND (?2 = 0 OR (m.settled_at IS NULL AND c.deleted_at IS NULL))
     ORDER BY m.found_at, m.rowid";

impl Store {
    /// The merge conflicts of one session (or all), only the open ones
    /// when `open_only`, oldest first.
    pub fn merge_conflicts(
        &self,
        session: Option<Id>,
        open_only: bool,
    ) -> Result<Vec<MergeConflict>> {
        self.read(|conn| {
            let mut stmt = conn.prepare(LIST)?;
            let list = stmt
                .query_map(params![session.as_ref().map(text_id), open_only], |r| {
                    Ok(MergeConflict {
                        id: rows::id(r, 0)?,
                        session: rows::id(r, 1)?,
                        session_title: r.get(2)?,
                        contribution: rows::id(r, 3)?,
                        copy: rows::opt_id(r, 4)?,
                        mine: r.get(5)?,
                        theirs: r.get(6)?,
                        file: r.get(7)?,
                        found_at: rows::time(r, 8)?,
                        settled_at: rows::opt_time(r, 9)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(list)
        })
    }

    /// The copies (the bundle's text) of `session`'s open conflicts, in
    /// one query: what the run screen marks, so the facilitator sees
    /// which item to keep or delete.
    pub fn conflict_copies(&self, session: Id) -> Result<HashSet<Id>> {
        self.read(|conn| {
            let mut stmt = conn.prepare(
                "SELECT m.copy_id FROM merge_conflicts m
                 JOIN contributions c ON c.id = m.copy_id
                 WHERE m.session_id = ?1 AND m.settled_at IS NULL
                   AND c.deleted_at IS NULL",
            )?;
            let copies = stmt
                .query_map([text_id(&session)], |r| rows::id(r, 0))?
                .collect::<rusqlite::Result<HashSet<_>>>()?;
            Ok(copies)
        })
    }

    /// Every conflict ever listed for `session`, by contribution and the
    /// bundle's text: a merge must not list one twice (see `bundle::merge`).
    pub fn known_conflicts(&self, session: Id) -> Result<HashSet<(Id, Option<String>)>> {
        Ok(self
            .merge_conflicts(Some(session), false)?
            .into_iter()
            .map(|c| (c.contribution, c.theirs))
            .collect())
    }

    /// Settles a conflict by keeping one side: the other text is deleted
    /// (a copy) or replaced (kept as a revision), as an edit or a deletion
    /// would, so it can still be restored. Only the copy itself is deleted:
    /// sub-points the facilitator added under it since are moved under the
    /// item, which holds the kept text (nothing typed is lost, and they were
    /// about that item); returns how many were moved.
    pub fn settle_conflict(&mut self, id: Id, keep: Keep) -> Result<usize> {
        self.write(|tx| {
            let (contribution, copy, mine, theirs): (
                Id,
                Option<Id>,
                Option<String>,
                Option<String>,
            ) = tx
                .query_row(
                    "SELECT contribution_id, copy_id, mine, theirs FROM merge_conflicts
                     WHERE id = ?1",
                    [text_id(&id)],
                    |r| Ok((rows::id(r, 0)?, rows::opt_id(r, 1)?, r.get(2)?, r.get(3)?)),
                )
                .optional()?
                .ok_or(StoreError::NotFound(Missing::Contribution(id)))?;
            let moved = match copy {
                Some(copy) => move_sub_points(tx, copy, contribution)?,
                None => 0,
            };
            match (keep, copy) {
                (Keep::Mine, Some(copy)) => {
                    tx.delete(copy)?;
                }
                (Keep::Theirs, Some(copy)) => {
                    // The copy's text as it stands (the organiser may have
                    // touched it up).
                    let text = tx.contribution(copy)?.text;
                    let original = tx.contribution(contribution)?;
                    tx.edit(contribution, &text, original.kind, original.participant_id)?;
                    tx.delete(copy)?;
                }
                // One side deleted it, the other edited it: the edit stands
                // until the deletion is kept.
                (Keep::Mine, None) if mine.is_none() => {
                    tx.delete(contribution)?;
                }
                (Keep::Theirs, None) if theirs.is_none() => {
                    tx.delete(contribution)?;
                }
                (_, None) => {}
            }
            tx.execute(
                "UPDATE merge_conflicts SET settled_at = ?2, kept = ?3 WHERE id = ?1",
                params![text_id(&id), text_time(&tx.now()), keep.key()],
            )?;
            Ok(moved)
        })
    }
}

/// Moves every sub-point of `copy` (deleted ones too: restoring one must
/// not bring the copy back) to the end of `item`'s, in their order. The
/// copy sits beside its item, so their depth stays; the store refuses the
/// move (and so the settling) when it would not fit.
fn move_sub_points(tx: &super::Tx, copy: Id, item: Id) -> Result<usize> {
    let children = {
        let mut stmt = tx.prepare(
            "SELECT id FROM contributions WHERE parent_id = ?1 ORDER BY position, rowid",
        )?;
        let ids = stmt
            .query_map([text_id(&copy)], |r| rows::id(r, 0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        ids
    };
    for child in &children {
        tx.indent_under(*child, item)?;
    }
    Ok(children.len())
}

/// Every conflict of `session`, open and settled, oldest first: loaded with
/// the session, so that the complete bundle carries them.
pub(super) fn logged(conn: &Connection, session: Id) -> Result<Vec<LoggedConflict>> {
    let mut stmt = conn.prepare(
        "SELECT id, contribution_id, copy_id, mine, theirs, file, found_at, settled_at, kept
         FROM merge_conflicts WHERE session_id = ?1 ORDER BY found_at, rowid",
    )?;
    let list = stmt
        .query_map([text_id(&session)], |r| {
            let kept: Option<String> = r.get(8)?;
            Ok(LoggedConflict {
                id: rows::id(r, 0)?,
                contribution: rows::id(r, 1)?,
                copy: rows::opt_id(r, 2)?,
                mine: r.get(3)?,
                theirs: r.get(4)?,
                file: r.get(5)?,
                found_at: rows::time(r, 6)?,
                settled_at: rows::opt_time(r, 7)?,
                kept: kept.map(|k| {
                    if k == "theirs" {
                        Keep::Theirs
                    } else {
                        Keep::Mine
                    }
                }),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(list)
}

/// Writes one conflict as a bundle carried it (its contribution and copy
/// are already written).
pub(super) fn insert_row(conn: &Connection, session: Id, c: &LoggedConflict) -> Result<()> {
    conn.execute(
        "INSERT INTO merge_conflicts (id, session_id, contribution_id, copy_id, mine, theirs,
                                      file, found_at, settled_at, kept)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            text_id(&c.id),
            text_id(&session),
            text_id(&c.contribution),
            opt_text_id(&c.copy),
            c.mine,
            c.theirs,
            c.file,
            text_time(&c.found_at),
            c.settled_at.as_ref().map(text_time),
            c.kept.map(Keep::key),
        ],
    )?;
    Ok(())
}
