use super::nesting::{check_fits_under, SUBTREE};
use super::rows::{self, opt_text_id, text_id, text_time};
use super::{Result, Store, StoreError};
use crate::model::{new_id, now, Contribution, Id, Kind, Revision};
use rusqlite::{params, OptionalExtension, Row, Transaction};
use std::collections::HashMap;

/// What `Store::add_contribution` needs.
#[derive(Debug, Clone)]
pub struct NewContribution {
    pub stage_id: Id,
    pub participant_id: Option<Id>,
    pub kind: Kind,
    pub text: String,
    pub parent_id: Option<Id>,
}

const COLUMNS: &str = "id, stage_id, participant_id, kind, text, parent_id, position, \
                       created_at, updated_at, deleted_at";

fn from_row(r: &Row) -> rusqlite::Result<Contribution> {
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
        revisions: Vec::new(),
    })
}

/// Where a contribution sits: enough to move it among its siblings.
struct Place {
    session: Id,
    stage: Id,
    parent: Option<Id>,
    position: i64,
}

fn place(tx: &Transaction, id: Id) -> Result<Place> {
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
    .ok_or_else(|| StoreError::NotFound(format!("no contribution with id {id}")))
}

/// One past the last sibling's position: a single step down the
/// `contributions_by_siblings` index, whatever the database holds.
pub(super) const NEXT_POSITION: &str = "SELECT coalesce(max(position), 0) + 1 FROM contributions
     WHERE stage_id = ?1 AND parent_id IS ?2";

fn next_position(tx: &Transaction, stage: Id, parent: Option<Id>) -> rusqlite::Result<i64> {
    tx.query_row(
        NEXT_POSITION,
        params![text_id(&stage), opt_text_id(&parent)],
        |r| r.get(0),
    )
}

/// The live sibling just before or after a position, along
/// `contributions_by_siblings`.
pub(super) const NEIGHBOUR_BEFORE: &str =
    "SELECT id, position FROM contributions WHERE stage_id = ?1 AND parent_id IS ?2
     AND position < ?3 AND deleted_at IS NULL ORDER BY position DESC LIMIT 1";
pub(super) const NEIGHBOUR_AFTER: &str =
    "SELECT id, position FROM contributions WHERE stage_id = ?1 AND parent_id IS ?2
     AND position > ?3 AND deleted_at IS NULL ORDER BY position ASC LIMIT 1";

/// The live sibling just before (`before`) or after a position.
fn neighbour(tx: &Transaction, p: &Place, before: bool) -> rusqlite::Result<Option<(Id, i64)>> {
    let sql = if before {
        NEIGHBOUR_BEFORE
    } else {
        NEIGHBOUR_AFTER
    };
    tx.query_row(
        sql,
        params![text_id(&p.stage), opt_text_id(&p.parent), p.position],
        |r| Ok((rows::id(r, 0)?, r.get(1)?)),
    )
    .optional()
}

fn set_place(tx: &Transaction, id: Id, parent: Option<Id>, position: i64) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE contributions SET parent_id = ?2, position = ?3, updated_at = ?4 WHERE id = ?1",
        params![
            text_id(&id),
            opt_text_id(&parent),
            position,
            text_time(&now())
        ],
    )?;
    Ok(())
}

/// Swaps the places of two siblings.
fn swap(tx: &Transaction, a: Id, b: Id) -> Result<()> {
    let pa = place(tx, a)?;
    let pb = place(tx, b)?;
    if pa.stage != pb.stage || pa.parent != pb.parent {
        return Err(StoreError::Invalid("only siblings can swap places".into()));
    }
    set_place(tx, a, pa.parent, pb.position)?;
    set_place(tx, b, pb.parent, pa.position)?;
    Ok(())
}

/// Makes `id` the last sub-point of `parent`: same stage, and not one of
/// its own sub-points.
fn indent(tx: &Transaction, id: Id, parent: Id) -> Result<()> {
    let p = place(tx, id)?;
    let pp = place(tx, parent)?;
    if pp.stage != p.stage {
        return Err(StoreError::Invalid(
            "a sub-point needs a parent in the same stage".into(),
        ));
    }
    check_fits_under(tx, Some(id), parent)?;
    let position = next_position(tx, p.stage, Some(parent))?;
    set_place(tx, id, Some(parent), position)?;
    Ok(())
}

pub(super) fn insert_row(tx: &Transaction, session: Id, c: &Contribution) -> rusqlite::Result<()> {
    tx.execute(
        &format!(
            "INSERT INTO contributions (session_id, {COLUMNS}) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)"
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
/// A session's contributions in the order of `contributions_by_session`
/// (stage, then position), so SQLite never sorts them: `Tree` orders
/// siblings itself.
pub(super) fn all_sql() -> String {
    format!("SELECT {COLUMNS} FROM contributions WHERE session_id = ?1 ORDER BY stage_id, position, rowid")
}

/// The revisions of a session's contributions, each contribution's oldest
/// first: read along `revisions_by_contribution`, without a sort.
pub(super) const SESSION_REVISIONS: &str =
    "SELECT r.contribution_id, r.text, r.replaced_at FROM contributions c
     JOIN revisions r ON r.contribution_id = c.id
     WHERE c.session_id = ?1 ORDER BY c.stage_id, c.position, c.rowid, r.id";

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

impl Store {
    /// Records one contribution, at the end of its siblings.
    pub fn add_contribution(&mut self, new: &NewContribution) -> Result<Contribution> {
        let text = new.text.trim_end().to_string();
        if text.trim().is_empty() {
            return Err(StoreError::Invalid("the text is empty".into()));
        }
        self.write(|tx| {
            let session: Id = tx
                .query_row(
                    "SELECT session_id FROM stages WHERE id = ?1",
                    [text_id(&new.stage_id)],
                    |r| rows::id(r, 0),
                )
                .optional()?
                .ok_or_else(|| {
                    StoreError::NotFound(format!("no stage with id {}", new.stage_id))
                })?;
            if let Some(parent) = new.parent_id {
                let p = place(tx, parent)?;
                if p.stage != new.stage_id {
                    return Err(StoreError::Invalid(
                        "a sub-point must be in the same stage as its parent".into(),
                    ));
                }
                check_fits_under(tx, None, parent)?;
            }
            let t = now();
            let c = Contribution {
                id: new_id(),
                stage_id: new.stage_id,
                participant_id: new.participant_id,
                kind: new.kind,
                text,
                parent_id: new.parent_id,
                position: next_position(tx, new.stage_id, new.parent_id)?,
                created_at: t,
                updated_at: t,
                deleted_at: None,
                revisions: Vec::new(),
            };
            insert_row(tx, session, &c)?;
            super::sessions::touch(tx, session, &t)?;
            Ok(c)
        })
    }

    pub fn contribution(&self, id: Id) -> Result<Contribution> {
        let mut c = self.read(|conn| {
            conn.query_row(
                &format!("SELECT {COLUMNS} FROM contributions WHERE id = ?1"),
                [text_id(&id)],
                from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("no contribution with id {id}")))
        })?;
        c.revisions = self.revisions(id)?;
        Ok(c)
    }

    /// Earlier texts of a contribution, oldest first.
    pub fn revisions(&self, id: Id) -> Result<Vec<Revision>> {
        self.read(|conn| {
            let mut stmt = conn.prepare(
                "SELECT text, replaced_at FROM revisions WHERE contribution_id = ?1 ORDER BY id",
            )?;
            let list = stmt
                .query_map([text_id(&id)], |r| {
                    Ok(Revision {
                        text: r.get(0)?,
                        replaced_at: rows::time(r, 1)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(list)
        })
    }

    /// Replaces the text, keeping the previous one as a revision.
    pub fn edit_contribution(&mut self, id: Id, text: &str) -> Result<()> {
        let text = text.trim_end();
        if text.trim().is_empty() {
            return Err(StoreError::Invalid("the text is empty".into()));
        }
        self.write(|tx| {
            let p = place(tx, id)?;
            let old: String = tx.query_row(
                "SELECT text FROM contributions WHERE id = ?1",
                [text_id(&id)],
                |r| r.get(0),
            )?;
            if old == text {
                return Ok(());
            }
            let t = now();
            tx.execute(
                "INSERT INTO revisions (contribution_id, text, replaced_at) VALUES (?1, ?2, ?3)",
                params![text_id(&id), old, text_time(&t)],
            )?;
            tx.execute(
                "UPDATE contributions SET text = ?2, updated_at = ?3 WHERE id = ?1",
                params![text_id(&id), text, text_time(&t)],
            )?;
            super::sessions::touch(tx, p.session, &t)?;
            Ok(())
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

    pub fn set_contribution_kind(&mut self, id: Id, kind: Kind) -> Result<()> {
        self.update_field(id, "kind", kind.key().to_string())
    }

    pub fn set_contribution_participant(&mut self, id: Id, participant: Option<Id>) -> Result<()> {
        self.update_field(id, "participant_id", opt_text_id(&participant))
    }

    fn update_field(&mut self, id: Id, column: &str, value: impl rusqlite::ToSql) -> Result<()> {
        self.write(|tx| {
            let p = place(tx, id)?;
            let t = now();
            tx.execute(
                &format!("UPDATE contributions SET {column} = ?2, updated_at = ?3 WHERE id = ?1"),
                params![text_id(&id), value, text_time(&t)],
            )?;
            super::sessions::touch(tx, p.session, &t)?;
            Ok(())
        })
    }

    /// Soft-deletes a contribution and its sub-points; `restore` undoes it.
    pub fn delete_contribution(&mut self, id: Id) -> Result<()> {
        self.write(|tx| {
            let p = place(tx, id)?;
            let t = now();
            tx.execute(
                &format!(
                    "UPDATE contributions SET deleted_at = ?2
                     WHERE deleted_at IS NULL AND id IN ({SUBTREE})"
                ),
                params![text_id(&id), text_time(&t)],
            )?;
            super::sessions::touch(tx, p.session, &t)?;
            Ok(())
        })
    }

    /// Restores a deleted contribution with the sub-points deleted with it.
    pub fn restore_contribution(&mut self, id: Id) -> Result<()> {
        self.write(|tx| {
            let p = place(tx, id)?;
            let deleted: Option<String> = tx.query_row(
                "SELECT deleted_at FROM contributions WHERE id = ?1",
                [text_id(&id)],
                |r| r.get(0),
            )?;
            let Some(deleted) = deleted else {
                return Ok(());
            };
            tx.execute(
                &format!(
                    "UPDATE contributions SET deleted_at = NULL
                     WHERE deleted_at = ?2 AND id IN ({SUBTREE})"
                ),
                params![text_id(&id), deleted],
            )?;
            super::sessions::touch(tx, p.session, &now())?;
            Ok(())
        })
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

    /// Swaps a contribution with its previous (`up`) or next live sibling.
    pub fn move_contribution(&mut self, id: Id, up: bool) -> Result<bool> {
        self.write(|tx| {
            let p = place(tx, id)?;
            let Some((other, _)) = neighbour(tx, &p, up)? else {
                return Ok(false);
            };
            swap(tx, id, other)?;
            Ok(true)
        })
    }

    /// Swaps the places of two sibling contributions (the interface groups
    /// siblings by kind, so it picks the neighbour itself).
    pub fn swap_contributions(&mut self, a: Id, b: Id) -> Result<()> {
        self.write(|tx| swap(tx, a, b))
    }

    /// Makes a contribution the last sub-point of `parent` (same stage, and
    /// not one of its own sub-points).
    pub fn indent_under(&mut self, id: Id, parent: Id) -> Result<()> {
        self.write(|tx| indent(tx, id, parent))
    }

    /// Makes a contribution the last sub-point of its previous sibling.
    pub fn indent_contribution(&mut self, id: Id) -> Result<bool> {
        self.write(|tx| {
            let p = place(tx, id)?;
            let Some((new_parent, _)) = neighbour(tx, &p, true)? else {
                return Ok(false);
            };
            indent(tx, id, new_parent)?;
            Ok(true)
        })
    }

    /// Lifts a sub-point to sit just after its parent.
    pub fn outdent_contribution(&mut self, id: Id) -> Result<bool> {
        self.write(|tx| {
            let p = place(tx, id)?;
            let Some(parent) = p.parent else {
                return Ok(false);
            };
            let pp = place(tx, parent)?;
            tx.execute(
                "UPDATE contributions SET position = position + 1
                 WHERE stage_id = ?1 AND parent_id IS ?2 AND position > ?3",
                params![text_id(&pp.stage), opt_text_id(&pp.parent), pp.position],
            )?;
            set_place(tx, id, pp.parent, pp.position + 1)?;
            Ok(true)
        })
    }

    /// Moves a contribution, with its sub-points, to the end of another stage.
    pub fn move_contribution_to_stage(&mut self, id: Id, stage: Id) -> Result<()> {
        self.write(|tx| {
            let p = place(tx, id)?;
            let target: Id = tx
                .query_row(
                    "SELECT session_id FROM stages WHERE id = ?1",
                    [text_id(&stage)],
                    |r| rows::id(r, 0),
                )
                .optional()?
                .ok_or_else(|| StoreError::NotFound(format!("no stage with id {stage}")))?;
            if target != p.session {
                return Err(StoreError::Invalid(
                    "a contribution can only move within its session".into(),
                ));
            }
            let position = next_position(tx, stage, None)?;
            tx.execute(
                &format!("UPDATE contributions SET stage_id = ?2 WHERE id IN ({SUBTREE})"),
                params![text_id(&id), text_id(&stage)],
            )?;
            set_place(tx, id, None, position)?;
            Ok(())
        })
    }

    /// Finds a contribution of `session` from a full id or a unique prefix
    /// or suffix of one (`atelier show` prints the last eight characters).
    pub fn resolve_contribution(&self, session: Id, reference: &str) -> Result<Id> {
        let r = reference.trim().to_ascii_lowercase();
        if r.is_empty() || !r.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
            return Err(StoreError::NotFound(format!(
                "\"{reference}\" is not a contribution id"
            )));
        }
        let ids = self.read(|conn| {
            let mut stmt = conn.prepare(
                "SELECT id FROM contributions WHERE session_id = ?1
                 AND (id LIKE ?2 || '%' OR replace(id, '-', '') LIKE '%' || replace(?2, '-', '')) LIMIT 2",
            )?;
            let ids = stmt
                .query_map(params![text_id(&session), r], |row| rows::id(row, 0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(ids)
        })?;
        match ids.as_slice() {
            [one] => Ok(*one),
            [] => Err(StoreError::NotFound(format!(
                "no contribution of this session matches \"{reference}\""
            ))),
            _ => Err(StoreError::NotFound(format!(
                "\"{reference}\" matches several contributions; type more of the id"
            ))),
        }
    }
}
