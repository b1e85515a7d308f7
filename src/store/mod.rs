//! The SQLite store: the only module that talks to rusqlite.
//!
//! Every public method that changes data runs in one transaction that is
//! committed before it returns, with `synchronous=FULL` in WAL mode, so what
//! the screen shows as recorded survives a crash or a power cut. A store
//! opened with `open_read_only` never writes to its file.

mod actions;
mod contribution_writes;
mod contributions;
mod decisions;
mod error;
mod follow_through;
mod links;
mod load;
mod lookup;
mod merge;
mod merge_conflicts;
mod migrations;
mod nesting;
mod open;
mod parking;
mod passes;
#[cfg(test)]
mod query_plans;
mod reasons;
mod review;
mod room_inbox;
mod room_moderation;
mod room_public;
mod room_status;
mod roster;
mod rows;
mod search;
mod sessions;
mod short_ids;
mod stages;
mod stream;
mod structures;
mod synthesis;
mod synthesis_sources;
mod themes;
mod tx;
mod votes;

pub use actions::NewAction;
pub use contributions::NewContribution;
pub use error::{Cause, Missing, Refused, StoreError};
pub use follow_through::next_title;
pub use merge_conflicts::{Keep, MergeConflict};
pub use migrations::{migrations, LATEST_VERSION};
pub use review::NewFeedback;
pub use room_inbox::{Posted, Received, RoomInput, RoomSettings};
pub use search::{fts_query, grouped, Hit, Piece, SearchFilter, Source};
pub use sessions::{NewSession, SessionSummary};
pub use tx::Tx;

use crate::model::Clock;
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Written in the SQLite header so that we recognise our own files ("ATLR").
pub const APPLICATION_ID: i32 = 0x4154_4C52;

pub type Result<T> = std::result::Result<T, StoreError>;

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Opened with `open_read_only`: every write is refused.
    read_only: bool,
    /// Where every written time comes from (see `set_clock`).
    clock: Arc<dyn Clock>,
}

impl Store {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether this store refuses writes (see `open_read_only`).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    fn display(&self) -> String {
        self.path.display().to_string()
    }

    /// Runs `f` in one transaction (see `apply`); any error names the file.
    fn write<T>(&mut self, f: impl FnOnce(&Tx) -> Result<T>) -> Result<T> {
        let display = self.display();
        self.apply(f).map_err(|e: StoreError| e.named(&display))
    }

    /// Runs the reads in `f`; any error comes out naming the file.
    fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        f(&self.conn).map_err(|e| e.named(&self.display()))
    }

    /// A small application fact, e.g. whether the sample was offered.
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        self.read(|conn| {
            Ok(conn
                .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
                .optional()?)
        })
    }

    /// Every fact whose key starts with `prefix` and whose value is not
    /// empty, e.g. the drafts left in sessions (`draft:`).
    pub fn meta_with_prefix(&self, prefix: &str) -> Result<Vec<(String, String)>> {
        self.read(|conn| {
            let mut stmt = conn.prepare(
                "SELECT key, value FROM meta
                 WHERE substr(key, 1, length(?1)) = ?1 AND value <> '' ORDER BY key",
            )?;
            let rows = stmt.query_map([prefix], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    pub fn set_meta(&mut self, key: &str, value: &str) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO meta(key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )?;
            Ok(())
        })
    }

    /// The schema version stored in the file.
    pub fn schema_version(&self) -> Result<i64> {
        self.read(|conn| Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?))
    }
}

impl Store {
    /// A number that changes whenever another connection (another process,
    /// a second instance) commits to the database; reading it costs no I/O.
    pub fn data_version(&self) -> Result<i64> {
        self.read(|conn| Ok(conn.pragma_query_value(None, "data_version", |r| r.get(0))?))
    }
}
