//! Contribution primitives for the command layer. Each one that changes
//! rows returns their state from before the change ("before-images"), so
//! the command can build its exact inverse: put those rows back.

use super::contributions::{from_row, insert_row, NewContribution, COLUMNS};
use super::nesting::{ancestors, check_fits_under, SUBTREE};
use super::rows::{self, opt_text_id, text_id, text_time};
use super::{Missing, Refused, Result, StoreError, Tx};
use crate::model::{new_id, Contribution, Id, Kind, Revision};
use rusqlite::{params, OptionalExtension, Transaction};

/// Where a contribution sits: enough to move it among its siblings.
pub(super) struct Place {
    pub(super) session: Id,
    pub(super) stage: Id,
    pub(super) parent: Option<Id>,
    pub(super) position: i64,
}

pub(super) fn place(tx: &Transaction, id: Id) -> Result<Place> {
    tx.query_row(
        "SELECT session_id, stage_id, parent_id, position FROM contributions WHERE id = ?1",
        [text_id(&id)],
        |r| {
            Ok(Place {
                session: rows::id(r, 0)?,
                stage: rows::id(r, 1)?,
                parent: rows::opt_id(r, 2)?,
                position: r.get(3)?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| StoreError::NotFound(Missing::Contribution(id)))
}

/// One past the last sibling's position: a single step down the
/// `contributions_by_siblings` index, whatever the database holds.
pub(super) const NEXT_POSITION: &str = "SELECT coalesce(max(position), 0) + 1 FROM contributions
     WHERE stage_id = ?1 AND parent_id IS ?2";

/// The live sibling just before or after a position, along
/// `contributions_by_siblings`.
pub(super) const NEIGHBOUR_BEFORE: &str =
    "SELECT id FROM contributions WHERE stage_id = ?1 AND parent_id IS ?2
     AND position < ?3 AND deleted_at IS NULL AND parked_at IS NULL ORDER BY position DESC LIMIT 1";
pub(super) const NEIGHBOUR_AFTER: &str =
    "SELECT id FROM contributions WHERE stage_id = ?1 AND parent_id IS ?2
     AND position > ?3 AND deleted_at IS NULL AND parked_at IS NULL ORDER BY position ASC LIMIT 1";

pub(super) fn next_position(
    tx: &Transaction,
    stage: Id,
    parent: Option<Id>,
) -> rusqlite::Result<i64> {
    tx.query_row(
        NEXT_POSITION,
        params![text_id(&stage), opt_text_id(&parent)],
        |r| r.get(0),
    )
}

/// The ids of a contribution's subtree, itself first.
pub(super) fn subtree(tx: &Transaction, id: Id) -> Result<Vec<Id>> {
    let mut stmt = tx.prepare_cached(SUBTREE)?;
    let list = stmt
        .query_map([text_id(&id)], |r| rows::id(r, 0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(list)
}

/// An anonymous contribution has no author; a group is numbered from 1.
fn check_voice(participant: Option<Id>, group: Option<u32>, anonymous: bool) -> Result<()> {
    if anonymous && participant.is_some() {
        return Err(StoreError::Invalid(Refused::AnonymousHasNoAuthor));
    }
    if group.is_some_and(|g| !(1..=crate::model::MAX_GROUP).contains(&g)) {
        return Err(StoreError::Invalid(Refused::GroupOutOfRange));
    }
    Ok(())
}

impl Tx<'_> {
    /// One contribution with its revisions.
    pub fn contribution(&self, id: Id) -> Result<Contribution> {
        let mut c = self
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM contributions WHERE id = ?1"
            ))?
            .query_row([text_id(&id)], from_row)
            .optional()?
            .ok_or_else(|| StoreError::NotFound(Missing::Contribution(id)))?;
        c.revisions = self.revisions(id)?;
        Ok(c)
    }

    /// Several contributions, in the order asked.
    pub fn contributions(&self, ids: &[Id]) -> Result<Vec<Contribution>> {
        ids.iter().map(|&id| self.contribution(id)).collect()
    }

    fn revisions(&self, id: Id) -> Result<Vec<Revision>> {
        Ok(super::contributions::revisions_of(self.tx, id)?)
    }

    pub fn contribution_session(&self, id: Id) -> Result<Id> {
        Ok(place(self, id)?.session)
    }

    /// Records one contribution at the end of its siblings.
    pub fn record(&self, new: &NewContribution) -> Result<Contribution> {
        let text = new.text.trim_end().to_string();
        if text.trim().is_empty() {
            return Err(StoreError::Invalid(Refused::EmptyText));
        }
        let session = super::stages::stage_session(self, new.stage_id)?;
        check_voice(new.participant_id, new.group, new.anonymous)?;
        if let Some(parent) = new.parent_id {
            if place(self, parent)?.stage != new.stage_id {
                return Err(StoreError::Invalid(Refused::ParentInOtherStage));
            }
            check_fits_under(self, None, parent)?;
        }
        let c = Contribution {
            id: new_id(),
            stage_id: new.stage_id,
            participant_id: new.participant_id,
            kind: new.kind,
            text,
            parent_id: new.parent_id,
            position: next_position(self, new.stage_id, new.parent_id)?,
            created_at: self.now(),
            updated_at: self.now(),
            deleted_at: None,
            parked_at: None,
            revisions: Vec::new(),
            group: new.group,
            anonymous: new.anonymous,
            origin: new.origin,
        };
        insert_row(self, session, &c)?;
        Ok(c)
    }

    /// Changes text, kind and speaker as one edit; a changed text keeps the
    /// previous one as a revision. Returns the before-image, or `None`
    /// when nothing differs.
    pub fn edit(
        &self,
        id: Id,
        text: &str,
        kind: Kind,
        participant: Option<Id>,
    ) -> Result<Option<Contribution>> {
        let text = text.trim_end();
        if text.trim().is_empty() {
            return Err(StoreError::Invalid(Refused::EmptyText));
        }
        let before = self.contribution(id)?;
        // An edit never puts a name back on an anonymous contribution.
        check_voice(participant, before.group, before.anonymous)?;
        if before.text == text && before.kind == kind && before.participant_id == participant {
            return Ok(None);
        }
        if before.text != text {
            self.execute(
                "INSERT INTO revisions (contribution_id, text, replaced_at) VALUES (?1, ?2, ?3)",
                params![text_id(&id), before.text, text_time(&self.now())],
            )?;
        }
        self.execute(
            "UPDATE contributions SET text = ?2, kind = ?3, participant_id = ?4, updated_at = ?5
             WHERE id = ?1",
            params![
                text_id(&id),
                text,
                kind.key(),
                opt_text_id(&participant),
                text_time(&self.now())
            ],
        )?;
        Ok(Some(before))
    }

    /// Soft-deletes a contribution and its live sub-points.
    pub fn delete(&self, id: Id) -> Result<Vec<Contribution>> {
        let before: Vec<Contribution> = self
            .contributions(&subtree(self, id)?)?
            .into_iter()
            .filter(|c| c.deleted_at.is_none())
            .collect();
        for c in &before {
            self.execute(
                "UPDATE contributions SET deleted_at = ?2 WHERE id = ?1",
                params![text_id(&c.id), text_time(&self.now())],
            )?;
        }
        Ok(before)
    }

    /// Restores a deleted contribution, the sub-points deleted with it, and
    /// any deleted parent above it (else it would stay invisible).
    pub fn restore(&self, id: Id) -> Result<Vec<Contribution>> {
        let target = self.contribution(id)?;
        let Some(deleted_at) = target.deleted_at else {
            return Ok(Vec::new());
        };
        let mut before: Vec<Contribution> = self
            .contributions(&subtree(self, id)?)?
            .into_iter()
            .filter(|c| c.deleted_at == Some(deleted_at))
            .collect();
        let above = ancestors(self, id)?
            .iter()
            .skip(1)
            .filter_map(|s| Id::parse_str(s).ok())
            .collect::<Vec<_>>();
        for c in self.contributions(&above)? {
            if c.deleted_at.is_some() {
                before.push(c);
            }
        }
        for c in &before {
            self.execute(
                "UPDATE contributions SET deleted_at = NULL WHERE id = ?1",
                [text_id(&c.id)],
            )?;
        }
        Ok(before)
    }

    /// The live sibling just before (`before`) or after a contribution.
    pub fn sibling(&self, id: Id, before: bool) -> Result<Option<Id>> {
        let p = place(self, id)?;
        let sql = if before {
            NEIGHBOUR_BEFORE
        } else {
            NEIGHBOUR_AFTER
        };
        Ok(self
            .query_row(
                sql,
                params![text_id(&p.stage), opt_text_id(&p.parent), p.position],
                |r| rows::id(r, 0),
            )
            .optional()?)
    }

    fn set_place(&self, id: Id, parent: Option<Id>, position: i64) -> Result<()> {
        self.execute(
            "UPDATE contributions SET parent_id = ?2, position = ?3, updated_at = ?4 WHERE id = ?1",
            params![
                text_id(&id),
                opt_text_id(&parent),
                position,
                text_time(&self.now())
            ],
        )?;
        Ok(())
    }

    /// Swaps the places of two siblings.
    pub fn swap(&self, a: Id, b: Id) -> Result<Vec<Contribution>> {
        let (pa, pb) = (place(self, a)?, place(self, b)?);
        if pa.stage != pb.stage || pa.parent != pb.parent {
            return Err(StoreError::Invalid(Refused::SwapNotSiblings));
        }
        let before = self.contributions(&[a, b])?;
        self.set_place(a, pa.parent, pb.position)?;
        self.set_place(b, pb.parent, pa.position)?;
        Ok(before)
    }

    /// Makes `id` the last sub-point of `parent`: same stage, and not one
    /// of its own sub-points.
    pub fn indent_under(&self, id: Id, parent: Id) -> Result<Vec<Contribution>> {
        let p = place(self, id)?;
        if place(self, parent)?.stage != p.stage {
            return Err(StoreError::Invalid(Refused::ParentInOtherStage));
        }
        check_fits_under(self, Some(id), parent)?;
        let before = vec![self.contribution(id)?];
        let position = next_position(self, p.stage, Some(parent))?;
        self.set_place(id, Some(parent), position)?;
        Ok(before)
    }

    /// Lifts a sub-point to sit just after its parent (nothing for a
    /// top-level item).
    pub fn outdent(&self, id: Id) -> Result<Vec<Contribution>> {
        let p = place(self, id)?;
        let Some(parent) = p.parent else {
            return Ok(Vec::new());
        };
        let pp = place(self, parent)?;
        let mut stmt = self.prepare_cached(
            "SELECT id FROM contributions WHERE stage_id = ?1 AND parent_id IS ?2 AND position > ?3",
        )?;
        let mut moved = stmt
            .query_map(
                params![text_id(&pp.stage), opt_text_id(&pp.parent), pp.position],
                |r| rows::id(r, 0),
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        moved.push(id);
        let before = self.contributions(&moved)?;
        self.execute(
            "UPDATE contributions SET position = position + 1
             WHERE stage_id = ?1 AND parent_id IS ?2 AND position > ?3",
            params![text_id(&pp.stage), opt_text_id(&pp.parent), pp.position],
        )?;
        self.set_place(id, pp.parent, pp.position + 1)?;
        Ok(before)
    }

    /// Moves a contribution, with its sub-points, to the end of another
    /// stage of the same session.
    pub fn move_to_stage(&self, id: Id, stage: Id) -> Result<Vec<Contribution>> {
        let p = place(self, id)?;
        if super::stages::stage_session(self, stage)? != p.session {
            return Err(StoreError::Invalid(Refused::MoveOutOfSession));
        }
        let before = self.contributions(&subtree(self, id)?)?;
        let position = next_position(self, stage, None)?;
        self.execute(
            &format!("UPDATE contributions SET stage_id = ?2 WHERE id IN ({SUBTREE})"),
            params![text_id(&id), text_id(&stage)],
        )?;
        self.set_place(id, None, position)?;
        Ok(before)
    }

    /// Writes a contribution back exactly as given: place, fields, times
    /// and revisions (to undo a change).
    pub fn put(&self, c: &Contribution) -> Result<()> {
        let n = self.execute(
            "UPDATE contributions SET stage_id = ?2, participant_id = ?3, kind = ?4, text = ?5,
             parent_id = ?6, position = ?7, created_at = ?8, updated_at = ?9, deleted_at = ?10,
             parked_at = ?11, group_no = ?12, anonymous = ?13, origin = ?14 WHERE id = ?1",
            params![
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
        if n == 0 {
            return Err(StoreError::NotFound(Missing::Contribution(c.id)));
        }
        if self.revisions(c.id)? != c.revisions {
            self.execute(
                "DELETE FROM revisions WHERE contribution_id = ?1",
                [text_id(&c.id)],
            )?;
            for r in &c.revisions {
                self.execute(
                    "INSERT INTO revisions (contribution_id, text, replaced_at) VALUES (?1, ?2, ?3)",
                    params![text_id(&c.id), r.text, text_time(&r.replaced_at)],
                )?;
            }
        }
        Ok(())
    }
}
