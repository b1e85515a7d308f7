//! Ids as people type them: a full id, or a unique start or end of one
//! (`atelier show` prints the last eight characters). One rule for every
//! kind of record the command line names — contributions, actions,
//! themes, remarks — so each answers "not an id", "none matches" and
//! "several match" alike.

use super::rows::{self, opt_text_id};
use super::{Missing, Result, Store, StoreError};
use crate::model::Id;
use rusqlite::params;

/// A kind of record the command line can name by a short id: its table,
/// whether only listed rows (not taken back) count, and how each failure
/// is worded.
pub(super) struct Named {
    pub table: &'static str,
    pub listed_only: bool,
    pub not_an_id: fn(String) -> Missing,
    pub none: fn(String) -> Missing,
    pub several: fn(String) -> Missing,
}

impl Store {
    /// The one record of `named` (within `session`, if given) that
    /// `reference` designates: its session and its id.
    pub(super) fn resolve_short(
        &self,
        named: &Named,
        session: Option<Id>,
        reference: &str,
    ) -> Result<(Id, Id)> {
        let r = reference.trim().to_ascii_lowercase();
        if r.is_empty() || !r.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
            return Err(StoreError::NotFound((named.not_an_id)(reference.into())));
        }
        // `table` is one of the names above, never typed text.
        let listed = if named.listed_only {
            "AND removed_at IS NULL"
        } else {
            ""
        };
        let sql = format!(
            "SELECT session_id, id FROM {} WHERE (?1 IS NULL OR session_id = ?1) {listed}
             AND (id LIKE ?2 || '%' OR replace(id, '-', '') LIKE '%' || replace(?2, '-', ''))
             LIMIT 2",
            named.table
        );
        let ids = self.read(|conn| {
            let mut stmt = conn.prepare(&sql)?;
            let ids = stmt
                .query_map(params![opt_text_id(&session), r], |row| {
                    Ok((rows::id(row, 0)?, rows::id(row, 1)?))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(ids)
        })?;
        match ids.as_slice() {
            [one] => Ok(*one),
            [] => Err(StoreError::NotFound((named.none)(reference.into()))),
            _ => Err(StoreError::NotFound((named.several)(reference.into()))),
        }
    }

    /// How to name each session on the command line: the shortest start of
    /// its id (eight characters at least) that `resolve_session` finds alone.
    /// Ids are time-ordered, so sessions made the same minute share their
    /// first characters and need more.
    pub fn session_prefixes(&self) -> Result<std::collections::HashMap<Id, String>> {
        let ids = self.read(|conn| {
            let mut stmt = conn.prepare("SELECT id FROM sessions")?;
            let ids = stmt
                .query_map([], |row| rows::id(row, 0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(ids)
        })?;
        let mut ids: Vec<(String, Id)> = ids.into_iter().map(|id| (id.to_string(), id)).collect();
        ids.sort();
        let texts: Vec<&str> = ids.iter().map(|(text, _)| text.as_str()).collect();
        let shared =
            |a: &str, b: &str| a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
        Ok(ids
            .iter()
            .enumerate()
            .map(|(i, (text, id))| {
                // Sorted: the closest ids are the neighbours.
                let before = i.checked_sub(1).map_or(0, |j| shared(text, texts[j]));
                let after = texts.get(i + 1).map_or(0, |next| shared(text, next));
                let len = (before.max(after) + 1).max(8).min(text.len());
                (*id, text[..len].to_string())
            })
            .collect())
    }
}
