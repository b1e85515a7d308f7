//! How deep contributions sit, with walks that stay bounded and iterative
//! whatever chains a database already holds (SQLite runs a recursive CTE
//! as a queue, and `UNION` drops repeats, so even a cycle ends).

use super::rows::text_id;
use super::{Refused, Result, StoreError};
use crate::model::{Id, MAX_DEPTH};
use rusqlite::{params, Transaction};

/// A contribution and all its descendants, deleted ones included, as a
/// subquery taking the contribution id as `?1`.
pub(super) const SUBTREE: &str = "WITH RECURSIVE t(id) AS (SELECT ?1 UNION \
     SELECT c.id FROM contributions c JOIN t ON c.parent_id = t.id) SELECT id FROM t";

/// The walks below look this far at most: enough to tell "too deep".
const BOUND: i64 = MAX_DEPTH as i64 + 1;

/// `id` and its ancestors, nearest first, at most `BOUND + 1` of them.
pub(super) fn ancestors(tx: &Transaction, id: Id) -> rusqlite::Result<Vec<String>> {
    let mut stmt = tx.prepare(
        "WITH RECURSIVE up(id, n) AS (SELECT ?1, 0 UNION
           SELECT c.parent_id, up.n + 1 FROM contributions c JOIN up ON c.id = up.id
           WHERE c.parent_id IS NOT NULL AND up.n < ?2)
         SELECT id FROM up ORDER BY n",
    )?;
    let ids = stmt
        .query_map(params![text_id(&id), BOUND], |r| r.get(0))?
        .collect();
    ids
}

/// How many levels sit below `id` (0 for a leaf), counting at most `BOUND`.
fn height(tx: &Transaction, id: Id) -> rusqlite::Result<usize> {
    let n: i64 = tx.query_row(
        "WITH RECURSIVE down(id, n) AS (SELECT ?1, 0 UNION
           SELECT c.id, down.n + 1 FROM contributions c JOIN down ON c.parent_id = down.id
           WHERE down.n < ?2)
         SELECT max(n) FROM down",
        params![text_id(&id), BOUND],
        |r| r.get(0),
    )?;
    Ok(n as usize)
}

/// Checks that `id` (or, for `None`, a new contribution) may become a
/// sub-point of `parent`: not under itself, and its deepest sub-point
/// no deeper than `MAX_DEPTH`.
pub(super) fn check_fits_under(tx: &Transaction, id: Option<Id>, parent: Id) -> Result<()> {
    let line = ancestors(tx, parent)?;
    if let Some(id) = id {
        if line.contains(&text_id(&id)) {
            return Err(StoreError::Invalid(Refused::ParentInsideItself));
        }
    }
    let below = match id {
        Some(id) => height(tx, id)?,
        None => 0,
    };
    // `line` holds the parent and its ancestors: the parent's depth is
    // `line.len() - 1`, so the moved item lands at `line.len()`.
    if line.len() + below > MAX_DEPTH {
        return Err(StoreError::TooDeep { max: MAX_DEPTH });
    }
    Ok(())
}
