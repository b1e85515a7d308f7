use super::rows::{self, opt_text_id, text_id, text_time};
use super::Tx;
use super::{Missing, Result, Store, StoreError};
use crate::model::{Contribution, Id, Kind, Origin, Revision};
use rusqlite::{params, OptionalExtension, Row, Transaction};
use std::collections::HashMap;

/// What `Store::add_contribution` needs.
#[derive(Debug, Clone, PartialEq)]
pub struct NewContribution {
    pub stage_id: Id,
    pub participant_id: Option<Id>,
    pub kind: Kind,
    pub text: String,
    pub parent_id: Option<Id>,
    /// The group sharing it in a 1-2-4-All's "All" step.
    pub group: Option<u32>,
    /// Stored without its author (`participant_id` must then be `None`).
    pub anonymous: bool,
    /// Typed by the facilitator, sent from the room, or imported from notes.
    pub origin: Origin,
}

pub(super) const COLUMNS: &str = "id, stage_id, participant_id, kind, text, parent_id, position, \
                       created_at, updated_at, deleted_at, parked_at, group_no, anonymous, origin";

pub(super) fn from_row(r: &Row) -> rusqlite::Result<Contribution> {
    Ok(Contribution {
        id: rows::id(r, 0)?,
        stage_id: rows::id(r, 1)?,
        participant_id: rows::opt_id(r, 2)?,
        kind: rows::parsed(r, 3, "kind", Kind::parse)?,
        text: r.get(4)?,
        parent_id: rows::opt_id(r, 5)?,
        position: r.get(6)?,
        created_at: rows::time(r, 7)?,
        updated_at: rows::time(r, 8)?,
        deleted_at: rows::opt_time(r, 9)?,
        parked_at: rows::opt_time(r, 10)?,
        revisions: Vec::new(),
        group: r.get(11)?,
        anonymous: r.get(12)?,
        origin: rows::parsed(r, 13, "origin", Origin::parse)?,
    })
}

pub(super) fn insert_row(tx: &Transaction, session: Id, c: &Contribution) -> rusqlite::Result<()> {
    tx.execute(
        &format!(
            "INSERT INTO contributions (session_id, {COLUMNS}) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)"
        ),
        params![
            text_id(&session),
            text_id(&c.id),
            text_id(&c.stage_id),
            opt_text_id(&c.participant_id),
            c.kind.key(),
            c.text,
            opt_text_id(&c.parent_id),
            c.position,
            text_time(&c.created_at),
            text_time(&c.updated_at),
            rows::opt_text_time(&c.deleted_at),
            rows::opt_text_time(&c.parked_at),
            c.group,
            c.anonymous,
            c.origin.key(),
        ],
    )?;
    for r in &c.revisions {
        tx.execute(
            "INSERT INTO revisions (contribution_id, text, replaced_at) VALUES (?1, ?2, ?3)",
            params![text_id(&c.id), r.text, text_time(&r.replaced_at)],
        )?;
    }
    Ok(())
}

/// All contributions of a session (deleted ones too) with their revisions,
/// as stored; `load` puts them in tree order.
/// A session's contributions along `contributions_by_session`, without a
/// sort in a temporary file (the tree order is made in memory after).
pub(super) fn all_sql() -> String {
    format!("SELECT {COLUMNS} FROM contributions WHERE session_id = ?1 ORDER BY stage_id, position, rowid")
}

/// The revisions of a session's contributions, each contribution's oldest
/// first: read along `revisions_by_contribution`, without a sort.
pub(super) const SESSION_REVISIONS: &str =
    "SELECT r.contribution_id, r.text, r.replaced_at FROM contributions c
     JOIN revisions r ON r.contribution_id = c.id
     WHERE c.session_id = ?1 ORDER BY c.stage_id, c.position, c.rowid, r.id";

/// Earlier texts of one contribution, oldest first (reads and writes).
pub(super) fn revisions_of(conn: &rusqlite::Connection, id: Id) -> rusqlite::Result<Vec<Revision>> {
    let mut stmt = conn.prepare_cached(
        "SELECT text, replaced_at FROM revisions WHERE contribution_id = ?1 ORDER BY id",
    )?;
    let list = stmt
        .query_map([text_id(&id)], |r| {
            Ok(Revision {
                text: r.get(0)?,
                replaced_at: rows::time(r, 1)?,
            })
        })?
        .collect();
    list
}

pub(super) fn all(conn: &rusqlite::Connection, session: Id) -> Result<Vec<Contribution>> {
    let mut stmt = conn.prepare(&all_sql())?;
    let mut list = stmt
        .query_map([text_id(&session)], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // One pass over the revisions with a map from id to place: O(R + C).
    let index: HashMap<Id, usize> = list.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
    let mut rev = conn.prepare(SESSION_REVISIONS)?;
    let mut found = rev.query([text_id(&session)])?;
    while let Some(r) = found.next()? {
        let id = rows::id(r, 0)?;
        if let Some(&i) = index.get(&id) {
            list[i].revisions.push(Revision {
                text: r.get(1)?,
                replaced_at: rows::time(r, 2)?,
            });
        }
    }
    Ok(list)
}

/// Convenience writes, each one transaction (the command layer composes
/// the same primitives and also gives each change its inverse).
impl Store {
    pub fn contribution(&self, id: Id) -> Result<Contribution> {
        let mut c = self.read(|conn| {
            conn.query_row(
                &format!("SELECT {COLUMNS} FROM contributions WHERE id = ?1"),
                [text_id(&id)],
                from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(Missing::Contribution(id)))
        })?;
        c.revisions = self.revisions(id)?;
        Ok(c)
    }

    /// Earlier texts of a contribution, oldest first.
    pub fn revisions(&self, id: Id) -> Result<Vec<Revision>> {
        self.read(|conn| Ok(revisions_of(conn, id)?))
    }

    /// Deleted contributions of a session, most recent first, to restore.
    pub fn deleted_contributions(&self, session: Id) -> Result<Vec<Contribution>> {
        let mut list: Vec<Contribution> = self
            .read(|conn| all(conn, session))?
            .into_iter()
            .filter(|c| c.deleted_at.is_some())
            .collect();
        list.sort_by_key(|c| std::cmp::Reverse(c.deleted_at));
        Ok(list)
    }

    /// Finds a contribution of `session` from a full id or a unique prefix
    /// or suffix of one (`atelier show` prints the last eight characters).
    pub fn resolve_contribution(&self, session: Id, reference: &str) -> Result<Id> {
        Ok(self.find_contribution(Some(session), reference)?.1)
    }

    /// Like `resolve_contribution`, in any session: the session and the
    /// contribution (for commands given only a contribution's id).
    pub fn resolve_any_contribution(&self, reference: &str) -> Result<(Id, Id)> {
        self.find_contribution(None, reference)
    }

    fn find_contribution(&self, session: Option<Id>, reference: &str) -> Result<(Id, Id)> {
        let named = super::short_ids::Named {
            table: "contributions",
            listed_only: false,
            not_an_id: Missing::NotAContributionId,
            none: Missing::NoContributionMatches,
            several: Missing::SeveralContributions,
        };
        self.resolve_short(&named, session, reference)
    }

    /// Runs a contribution primitive and marks its session as changed.
    fn change<T>(&mut self, id: Id, f: impl FnOnce(&Tx) -> Result<T>) -> Result<T> {
        self.write(|tx| {
            let session = tx.contribution_session(id)?;
            let value = f(tx)?;
            tx.touch(session)?;
            Ok(value)
        })
    }

    /// Records one contribution, at the end of its siblings.
    pub fn add_contribution(&mut self, new: &NewContribution) -> Result<Contribution> {
        self.write(|tx| {
            let c = tx.record(new)?;
            tx.touch(tx.stage_session(new.stage_id)?)?;
            Ok(c)
        })
    }

    /// Replaces the text, keeping the previous one as a revision.
    pub fn edit_contribution(&mut self, id: Id, text: &str) -> Result<()> {
        self.change(id, |tx| {
            let c = tx.contribution(id)?;
            tx.edit(id, text, c.kind, c.participant_id).map(drop)
        })
    }

    /// Goes back to the text before the last edit (itself kept as a revision).
    pub fn revert_last_edit(&mut self, id: Id) -> Result<bool> {
        let Some(last) = self.revisions(id)?.pop() else {
            return Ok(false);
        };
        self.edit_contribution(id, &last.text)?;
        Ok(true)
    }

    /// Soft-deletes a contribution and its sub-points; `restore` undoes it.
    pub fn delete_contribution(&mut self, id: Id) -> Result<()> {
        self.change(id, |tx| tx.delete(id).map(drop))
    }

    /// Restores a deleted contribution with the sub-points deleted with it.
    pub fn restore_contribution(&mut self, id: Id) -> Result<()> {
        self.change(id, |tx| tx.restore(id).map(drop))
    }

    /// Swaps a contribution with its previous (`up`) or next live sibling.
    pub fn move_contribution(&mut self, id: Id, up: bool) -> Result<bool> {
        self.change(id, |tx| match tx.sibling(id, up)? {
            Some(other) => tx.swap(id, other).map(|_| true),
            None => Ok(false),
        })
    }

    /// Makes a contribution the last sub-point of `parent` (same stage, and
    /// not one of its own sub-points).
    pub fn indent_under(&mut self, id: Id, parent: Id) -> Result<()> {
        self.change(id, |tx| tx.indent_under(id, parent).map(drop))
    }

    /// Makes a contribution the last sub-point of its previous sibling.
    pub fn indent_contribution(&mut self, id: Id) -> Result<bool> {
        self.change(id, |tx| match tx.sibling(id, true)? {
            Some(parent) => tx.indent_under(id, parent).map(|_| true),
            None => Ok(false),
        })
    }

    /// Lifts a sub-point to sit just after its parent.
    pub fn outdent_contribution(&mut self, id: Id) -> Result<bool> {
        self.change(id, |tx| tx.outdent(id).map(|moved| !moved.is_empty()))
    }

    /// Moves a contribution, with its sub-points, to the end of another stage.
    pub fn move_contribution_to_stage(&mut self, id: Id, stage: Id) -> Result<()> {
        self.change(id, |tx| tx.move_to_stage(id, stage).map(drop))
    }
}
