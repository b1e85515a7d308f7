//! Opening a database: for writing (creating and upgrading it as needed)
//! or for reading only, which never writes a byte to the file.

use super::{migrations, Cause, Result, Store, StoreError, APPLICATION_ID, LATEST_VERSION};
use rusqlite::{Connection, ErrorCode, OpenFlags};
use std::path::Path;
use std::time::Duration;

/// How long a write waits for another connection before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_millis(2500);

/// The tables of every Atelier schema since version 1.
const OUR_TABLES: &[&str] = &[
    "sessions",
    "participants",
    "stages",
    "contributions",
    "revisions",
    "synthesis",
    "building_blocks",
    "meta",
];

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its
    /// schema up to date. A file that is not ours, or is newer than this
    /// program, is reported and left untouched; so is a path that is not a
    /// regular file. Opening an up-to-date database writes nothing.
    pub fn open(path: &Path) -> Result<Store> {
        let display = path.display().to_string();
        check_regular(path)?;
        // A file that is not SQLite is refused by `identify`'s first read,
        // before `configure` switches to WAL (which would rewrite it). The
        // file is never opened by hand: closing any descriptor of it drops
        // every POSIX lock this process holds on it, so a room server or a
        // second store opened beside a live connection would leave the
        // file unlocked and another program could delete the live WAL.
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::Unwritable {
                path: display.clone(),
                reason: e.to_string().into(),
            })?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags)
            .map_err(|e| StoreError::from_open(&display, e))?;
        let sql = |e| StoreError::from_sqlite(&display, e);
        conn.busy_timeout(BUSY_TIMEOUT).map_err(sql)?;
        if conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false) {
            return Err(StoreError::Unwritable {
                path: display,
                reason: Cause::Said("store.cause.read_only_file"),
            });
        }
        let found = identify(&conn, &display)?;
        configure(&conn).map_err(sql)?;
        migrate(&mut conn, &found, &display)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(sql)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            read_only: false,
            clock: std::sync::Arc::new(crate::model::SystemClock),
        })
    }

    /// Opens the database at `path` for reading only: no migration, no
    /// pragma written, so it works on a full disk, a read-only file or
    /// medium, and beside another program's write transaction. A missing
    /// file reads as an empty database; an older schema is read through an
    /// upgraded copy in memory. Every write on the result is refused.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let display = path.display().to_string();
        let conn = if check_regular(path)? {
            let (conn, found) = match connect_read_only(path, false) {
                Ok(opened) => opened,
                // A WAL database on a read-only medium cannot get its
                // shared-memory file: read it as the unchanging file it is.
                Err(e) if needs_immutable(&e) => connect_read_only(path, true)?,
                Err(e) => return Err(StoreError::from_sqlite(&display, e)),
            };
            check_identity(&found, &display)?;
            if found.version < LATEST_VERSION {
                upgraded_copy(&conn, &display)?
            } else {
                conn
            }
        } else {
            empty_database(&display)?
        };
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            read_only: true,
            clock: std::sync::Arc::new(crate::model::SystemClock),
        })
    }
}

/// What the header and the schema say about an existing file.
struct Found {
    app_id: i32,
    version: i64,
    /// Tables of any kind, and how many of ours.
    tables: i64,
    ours: i64,
}

/// Refuses a path that exists but is not a regular file (a folder, a
/// device such as /dev/null, a FIFO) before SQLite touches it, as SQLite
/// would create a journal beside it. Returns whether the file exists.
fn check_regular(path: &Path) -> Result<bool> {
    use std::os::unix::fs::FileTypeExt;
    let display = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => {
            return Err(StoreError::Unwritable {
                path: display,
                reason: e.to_string().into(),
            })
        }
    };
    let t = meta.file_type();
    let what = if t.is_file() {
        return Ok(true);
    } else if t.is_dir() {
        "store.cause.folder"
    } else if t.is_char_device() || t.is_block_device() {
        "store.cause.device"
    } else if t.is_fifo() {
        "store.cause.pipe"
    } else if t.is_socket() {
        "store.cause.socket"
    } else {
        "store.cause.special"
    };
    Err(StoreError::NotAFile {
        path: display,
        what: Cause::Said(what),
    })
}

fn read_found(conn: &Connection) -> rusqlite::Result<Found> {
    let list = OUR_TABLES
        .iter()
        .map(|t| format!("'{t}'"))
        .collect::<Vec<_>>()
        .join(",");
    Ok(Found {
        app_id: conn.pragma_query_value(None, "application_id", |r| r.get(0))?,
        version: conn.pragma_query_value(None, "user_version", |r| r.get(0))?,
        tables: conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?,
        ours: conn.query_row(
            &format!(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ({list})"
            ),
            [],
            |r| r.get(0),
        )?,
    })
}

/// Checks that an existing SQLite file is an Atelier database we can read.
fn identify(conn: &Connection, path: &str) -> Result<Found> {
    let found = read_found(conn).map_err(|e| StoreError::from_sqlite(path, e))?;
    check_identity(&found, path)?;
    Ok(found)
}

fn check_identity(found: &Found, path: &str) -> Result<()> {
    // A file with our schema but no id yet was written by an Atelier that
    // stamped the id after migrating and stopped in between: it is ours.
    let unstamped_ours = found.version >= 1 && found.ours == OUR_TABLES.len() as i64;
    let foreign = if found.app_id == 0 {
        found.tables > 0 && !unstamped_ours
    } else {
        found.app_id != APPLICATION_ID
    };
    if foreign {
        return Err(StoreError::NotAtelier {
            path: path.into(),
            reason: Cause::Said("store.cause.other_program"),
        });
    }
    if found.version > LATEST_VERSION {
        return Err(StoreError::TooNew {
            path: path.into(),
            found: found.version,
            known: LATEST_VERSION,
        });
    }
    Ok(())
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    debug_assert!(mode.eq_ignore_ascii_case("wal"));
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

/// Brings the schema up to date, stamping our id in the same transaction;
/// writes nothing when the file is already current.
fn migrate(conn: &mut Connection, found: &Found, path: &str) -> Result<()> {
    let sql = |e| StoreError::from_sqlite(path, e);
    // A table rebuild must not cascade deletes: keys are checked per step.
    conn.pragma_update(None, "foreign_keys", "OFF")
        .map_err(sql)?;
    if found.version < LATEST_VERSION {
        migrations().to_latest(conn).map_err(|e| match e {
            rusqlite_migration::Error::RusqliteError { err, .. } if is_environment(&err) => {
                StoreError::from_sqlite(path, err)
            }
            e => StoreError::Migration {
                path: path.into(),
                reason: e.to_string().into(),
            },
        })?;
    } else if found.app_id != APPLICATION_ID {
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(sql)?;
    }
    Ok(())
}

/// Errors that come from the file's surroundings (a lock, a full disk, a
/// read-only medium) rather than from the migration itself.
fn is_environment(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy)
            | Some(ErrorCode::DatabaseLocked)
            | Some(ErrorCode::DiskFull)
            | Some(ErrorCode::ReadOnly)
    )
}

/// Opens `path` read-only through a URI (so any file name works) and
/// reads its identity, which is the first real access to the file.
fn connect_read_only(path: &Path, immutable: bool) -> rusqlite::Result<(Connection, Found)> {
    let mut uri = format!("file:{}?mode=ro", uri_path(path));
    if immutable {
        uri.push_str("&immutable=1");
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(uri, flags)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let found = read_found(&conn)?;
    Ok((conn, found))
}

/// Whether a read-only open failed for want of a writable folder.
fn needs_immutable(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::CannotOpen) | Some(ErrorCode::ReadOnly) | Some(ErrorCode::SystemIoFailure)
    )
}

/// `path` for a `file:` URI: absolute, with every byte that could be read
/// as URI syntax percent-encoded.
fn uri_path(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = String::new();
    for &b in absolute.as_os_str().as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// An in-memory copy of an older database, upgraded, so that a read-only
/// command can read it without writing to the file.
fn upgraded_copy(conn: &Connection, path: &str) -> Result<Connection> {
    let sql = |e| StoreError::from_sqlite(path, e);
    let mut copy = Connection::open_in_memory().map_err(sql)?;
    rusqlite::backup::Backup::new(conn, &mut copy)
        .and_then(|b| b.run_to_completion(256, Duration::ZERO, None))
        .map_err(sql)?;
    let found = identify(&copy, path)?;
    migrate(&mut copy, &found, path)?;
    Ok(copy)
}

/// What a missing database reads as: an empty, current schema in memory.
fn empty_database(path: &str) -> Result<Connection> {
    let mut conn = Connection::open_in_memory().map_err(|e| StoreError::from_sqlite(path, e))?;
    let found = identify(&conn, path)?;
    migrate(&mut conn, &found, path)?;
    Ok(conn)
}
