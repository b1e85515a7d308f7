//! Where the synthesis comes from (migration 013): the contributions its
//! text, each building block and its proposal build on. They are read and
//! saved with the synthesis, as one value, so one command (and its
//! inverse) covers a text picked and the source it came from.

use super::rows::{id, text_id};
use super::{Missing, Result, StoreError};
use crate::model::{Id, Synthesis};
use rusqlite::{params, Connection};

/// Fills the sources of `s` (read without them) from the store.
pub(super) fn read(conn: &Connection, session: Id, s: &mut Synthesis) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare(
        "SELECT part, block, contribution_id FROM synthesis_sources
         WHERE session_id = ?1 ORDER BY part, block, position",
    )?;
    let mut rows = stmt.query([text_id(&session)])?;
    while let Some(row) = rows.next()? {
        let part: String = row.get(0)?;
        let block: i64 = row.get(1)?;
        let source = id(row, 2)?;
        let list = match part.as_str() {
            "text" => Some(&mut s.text_sources),
            "proposal" => Some(&mut s.proposal_sources),
            _ => usize::try_from(block - 1)
                .ok()
                .and_then(|i| s.blocks.get_mut(i))
                .map(|b| &mut b.sources),
        };
        // A block's row without its block cannot be written by this store
        // (both are rewritten together); read as nothing rather than fail.
        if let Some(list) = list {
            list.push(source);
        }
    }
    Ok(())
}

/// Every source of `s` with where it goes: (part, block, contribution).
fn rows(s: &Synthesis) -> impl Iterator<Item = (&'static str, usize, &[Id])> {
    let blocks = s
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| ("block", i + 1, b.sources.as_slice()));
    [
        ("text", 0, s.text_sources.as_slice()),
        ("proposal", 0, s.proposal_sources.as_slice()),
    ]
    .into_iter()
    .chain(blocks)
}

/// Rewrites the sources of `session`'s synthesis as `s` says. A source
/// named twice in one part counts once.
pub(super) fn write(
    tx: &rusqlite::Transaction,
    session: Id,
    s: &Synthesis,
) -> rusqlite::Result<()> {
    tx.execute(
        "DELETE FROM synthesis_sources WHERE session_id = ?1",
        [text_id(&session)],
    )?;
    for (part, block, list) in rows(s) {
        for (position, source) in list.iter().enumerate() {
            tx.execute(
                "INSERT OR IGNORE INTO synthesis_sources
                 (session_id, part, block, contribution_id, position)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    text_id(&session),
                    part,
                    block as i64,
                    text_id(source),
                    position as i64 + 1
                ],
            )?;
        }
    }
    Ok(())
}

/// Refuses a source that is no contribution of `session`.
pub(super) fn check(tx: &super::Tx, session: Id, s: &Synthesis) -> Result<()> {
    for (_, _, list) in rows(s) {
        for &source in list {
            if tx.contribution_session(source)? != session {
                return Err(StoreError::NotFound(Missing::Contribution(source)));
            }
        }
    }
    Ok(())
}
