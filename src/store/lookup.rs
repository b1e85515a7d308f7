//! Small indexed look-ups for what a user typed on the command line, so
//! that recording one contribution never reads the whole session.

use super::rows::text_id;
use super::{Refused, Result, Store, StoreError};
use crate::model::{Id, Participant, Stage};
use rusqlite::OptionalExtension;

/// One stage of a session by its key, through `UNIQUE (session_id, key)`.
pub(super) fn stage_by_key_sql() -> String {
    format!(
        "SELECT {} FROM stages WHERE session_id = ?1 AND key = ?2",
        super::stages::STAGE_COLUMNS
    )
}

impl Store {
    /// The stage of `session` whose key is exactly `key`.
    pub fn stage_by_key(&self, session: Id, key: &str) -> Result<Option<Stage>> {
        self.read(|conn| {
            Ok(conn
                .query_row(
                    &stage_by_key_sql(),
                    rusqlite::params![text_id(&session), key],
                    super::stages::stage_from_row,
                )
                .optional()?)
        })
    }

    /// The current roster member of `session` called `name`, as names
    /// are matched (`model::name_key`). Reads the roster only (a few rows,
    /// along `participants_by_session`): SQLite's `lower` knows ASCII only,
    /// so the comparison is Rust's, as everywhere else names are compared.
    /// Two people bearing that name (a roster from before names had to
    /// differ) is an error that names them, never the first one.
    pub fn participant_by_name(&self, session: Id, name: &str) -> Result<Option<Participant>> {
        let roster = self.participants(session)?;
        match crate::model::same_name(&roster, name).as_slice() {
            [] => Ok(None),
            [one] => Ok(Some((*one).clone())),
            several => Err(StoreError::Invalid(Refused::AmbiguousName {
                name: name.trim().to_string(),
                names: several
                    .iter()
                    .map(|p| p.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })),
        }
    }
}
