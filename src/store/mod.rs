//! The SQLite store: the only module that talks to rusqlite.
//!
//! Every public method that changes data runs in one transaction that is
//! committed before it returns, with `synchronous=FULL` in WAL mode, so what
//! the screen shows as recorded survives a crash or a power cut.

mod contributions;
mod error;
mod load;
mod migrations;
mod roster;
mod rows;
mod sessions;
mod stages;
mod synthesis;

pub use contributions::NewContribution;
pub use error::StoreError;
pub use migrations::{migrations, LATEST_VERSION};
pub use sessions::{NewSession, SessionSummary};

use rusqlite::{Connection, OpenFlags, Transaction};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Written in the SQLite header so that we recognise our own files ("ATLR").
pub const APPLICATION_ID: i32 = 0x4154_4C52;

/// How long a write waits for another connection before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_millis(2500);

pub type Result<T> = std::result::Result<T, StoreError>;

pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its
    /// schema up to date. A file that is not ours, or is newer than this
    /// program, is reported and left untouched.
    pub fn open(path: &Path) -> Result<Store> {
        let display = path.display().to_string();
        check_header(path)?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::Unwritable {
                path: display.clone(),
                reason: e.to_string(),
            })?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags)
            .map_err(|e| StoreError::from_open(&display, e))?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| StoreError::from_sqlite(&display, e))?;
        if conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false) {
            return Err(StoreError::Unwritable {
                path: display,
                reason: "the file is read-only".into(),
            });
        }
        identify(&conn, &display)?;
        configure(&conn).map_err(|e| StoreError::from_sqlite(&display, e))?;
        migrations()
            .to_latest(&mut conn)
            .map_err(|e| StoreError::Migration {
                path: display.clone(),
                reason: e.to_string(),
            })?;
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(|e| StoreError::from_sqlite(&display, e))?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` in one immediate transaction and commits it. Immediate so
    /// that a second writer waits at the start instead of failing midway.
    fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let display = self.path.display().to_string();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| StoreError::from_sqlite(&display, e))?;
        let value = f(&tx)?;
        tx.commit()
            .map_err(|e| StoreError::from_sqlite(&display, e))?;
        Ok(value)
    }

    fn read(&self) -> &Connection {
        &self.conn
    }

    /// A small application fact, e.g. whether the sample was offered.
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
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
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }
}

/// Refuses a non-empty file that is not SQLite at all, before SQLite
/// touches it (switching to WAL would rewrite its header).
fn check_header(path: &Path) -> Result<()> {
    use std::io::Read;
    let Ok(mut file) = std::fs::File::open(path) else {
        return Ok(());
    };
    let mut header = [0u8; 16];
    let n = file.read(&mut header).unwrap_or(0);
    if n == 0 {
        return Ok(());
    }
    if n < 16 || &header != b"SQLite format 3\0" {
        return Err(StoreError::NotAtelier {
            path: path.display().to_string(),
            reason: "it is not a SQLite database".into(),
        });
    }
    Ok(())
}

/// Checks that an existing SQLite file is an Atelier database we can read.
fn identify(conn: &Connection, path: &str) -> Result<()> {
    let sql = |e| StoreError::from_sqlite(path, e);
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(sql)?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(sql)?;
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .map_err(sql)?;
    let foreign = if app_id == 0 {
        tables > 0
    } else {
        app_id != APPLICATION_ID
    };
    if foreign {
        return Err(StoreError::NotAtelier {
            path: path.into(),
            reason: "it is a SQLite database of another program".into(),
        });
    }
    if version > LATEST_VERSION {
        return Err(StoreError::TooNew {
            path: path.into(),
            found: version,
            known: LATEST_VERSION,
        });
    }
    Ok(())
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    debug_assert!(mode.eq_ignore_ascii_case("wal"));
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

impl Store {
    /// A number that changes whenever another connection (another process,
    /// a second instance) commits to the database; reading it costs no I/O.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))?)
    }
}
