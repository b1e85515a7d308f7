//! A session's contributions read one at a time, in tree order, for
//! exports that write them as they come (the bundle): memory holds one
//! stage's outline (ids and positions, no text) and one contribution, not
//! the session.

use super::contributions::{from_row, revisions_of, COLUMNS};
use super::rows::{self, text_id};
use super::{Result, Store};
use crate::model::{Contribution, Id, SessionData};
use std::collections::HashMap;

/// One stage's contributions without their texts, along
/// `contributions_by_session`: enough to put them in tree order.
pub(super) const STAGE_OUTLINE: &str = "SELECT rowid, id, parent_id, position FROM contributions
     WHERE session_id = ?1 AND stage_id = ?2";

/// One contribution by its place in the file, with how many earlier texts
/// it has (read only when there are some).
pub(super) fn one_row_sql() -> String {
    format!(
        "SELECT {COLUMNS}, (SELECT count(*) FROM revisions r WHERE r.contribution_id = c.id)
         FROM contributions c WHERE c.rowid = ?1"
    )
}

impl Store {
    /// A whole session but its contributions (`contributions` is empty):
    /// what an export reads before it streams them with
    /// [`Store::each_contribution`].
    pub fn load_without_contributions(&self, session: Id) -> Result<SessionData> {
        let s = self.session(session)?;
        self.read(|conn| {
            let stages = super::stages::stages(conn, session)?;
            super::load::read_parts(conn, s, stages, Vec::new())
        })
    }

    /// Calls `each` with every contribution of `stage` (deleted ones too,
    /// with their revisions) in the order `load` gives them: parents first,
    /// siblings by position then id. Stops when `each` returns `false`.
    pub fn each_contribution(
        &self,
        session: Id,
        stage: Id,
        each: &mut dyn FnMut(&Contribution) -> bool,
    ) -> Result<()> {
        self.read(|conn| {
            let order = tree_order(conn, session, stage)?;
            let mut stmt = conn.prepare(&one_row_sql())?;
            for rowid in order {
                let (mut c, revisions): (Contribution, i64) =
                    stmt.query_row([rowid], |r| Ok((from_row(r)?, r.get(14)?)))?;
                if revisions > 0 {
                    c.revisions = revisions_of(conn, c.id)?;
                }
                if !each(&c) {
                    break;
                }
            }
            Ok(())
        })
    }
}

/// The rowids of a stage's contributions in tree order, as
/// `model::Tree::walk_stage` orders them: what hangs under no parent of
/// this stage is left out, as there.
fn tree_order(conn: &rusqlite::Connection, session: Id, stage: Id) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(STAGE_OUTLINE)?;
    let mut children: HashMap<Option<Id>, Vec<(i64, Id, i64)>> = HashMap::new();
    let mut found = stmt.query([text_id(&session), text_id(&stage)])?;
    while let Some(r) = found.next()? {
        let (rowid, id, parent, position) =
            (r.get(0)?, rows::id(r, 1)?, rows::opt_id(r, 2)?, r.get(3)?);
        children
            .entry(parent)
            .or_default()
            .push((position, id, rowid));
    }
    for list in children.values_mut() {
        list.sort_unstable();
    }
    let mut order = Vec::new();
    let mut stack: Vec<&(i64, Id, i64)> = Vec::new();
    let list = |parent| children.get(&parent).map(Vec::as_slice).unwrap_or(&[]);
    stack.extend(list(None).iter().rev());
    while let Some(&(_, id, rowid)) = stack.pop() {
        order.push(rowid);
        stack.extend(list(Some(id)).iter().rev());
    }
    Ok(order)
}

#[cfg(test)]
#[path = "stream_tests.rs"]
mod tests;
