use rusqlite::ErrorCode;

/// What can go wrong with the database, worded for the person at the
/// keyboard: each message names the file and says what to do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path} is not an Atelier database ({reason}); it was left untouched")]
    NotAtelier { path: String, reason: String },
    #[error(
        "{path} is not a regular file ({what}); give --db (or ATELIER_DB) the path of a database file; \
         it was left untouched"
    )]
    NotAFile { path: String, what: String },
    #[error(
        "{path} was written by a newer Atelier (schema version {found}; this program knows up to {known}); \
         it was left untouched: update Atelier to open it"
    )]
    TooNew {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("cannot write the database {path}: {reason}")]
    Unwritable { path: String, reason: String },
    #[error("{path} is locked by another program (is Atelier already running on it?); close it and try again")]
    Locked { path: String },
    #[error("cannot upgrade the database {path}: {reason}")]
    Migration { path: String, reason: String },
    #[error(
        "{path} is damaged ({reason}); nothing was changed. Restore the session from a bundle \
         (`atelier import FILE`), or save what is readable with \
         `sqlite3 {path} .recover | sqlite3 recovered.sqlite3` and use --db recovered.sqlite3"
    )]
    Damaged { path: String, reason: String },
    #[error(
        "cannot read or write {path}: {reason}; check that its disk is not full, read-only or \
         unplugged, then try again (a change that failed was not recorded)"
    )]
    Disk { path: String, reason: String },
    #[error(
        "{path} holds a value this Atelier cannot read ({reason}); nothing was changed. Restore the \
         session from a bundle (`atelier import FILE`), or correct that value with `sqlite3 {path}`"
    )]
    BadValue { path: String, reason: String },
    #[error("database error in {path}: {error}")]
    Database {
        path: String,
        error: rusqlite::Error,
    },
    #[error("sub-points go at most {max} levels deep; this would go deeper")]
    TooDeep { max: usize },
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Invalid(String),
    /// A SQLite error not yet tied to its file: the `Store` names it (see
    /// `named`) before any error leaves it.
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl StoreError {
    pub(crate) fn from_open(path: &str, e: rusqlite::Error) -> StoreError {
        match e.sqlite_error_code() {
            Some(ErrorCode::CannotOpen) | Some(ErrorCode::PermissionDenied) => {
                StoreError::Unwritable {
                    path: path.into(),
                    reason: "the location cannot be opened for writing".into(),
                }
            }
            _ => StoreError::from_sqlite(path, e),
        }
    }

    /// Ties an error to the database file it came from.
    pub(crate) fn named(self, path: &str) -> StoreError {
        match self {
            StoreError::Sqlite(e) => StoreError::from_sqlite(path, e),
            other => other,
        }
    }

    pub(crate) fn from_sqlite(path: &str, e: rusqlite::Error) -> StoreError {
        use rusqlite::Error as E;
        let path = path.to_string();
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => {
                return StoreError::Locked { path }
            }
            Some(ErrorCode::ReadOnly) => {
                return StoreError::Unwritable {
                    path,
                    reason: "the file or its folder is read-only".into(),
                }
            }
            Some(ErrorCode::DiskFull) => {
                return StoreError::Unwritable {
                    path,
                    reason: "the disk is full; nothing was changed: free some space and try again"
                        .into(),
                }
            }
            Some(ErrorCode::SystemIoFailure) => {
                return StoreError::Disk {
                    path,
                    reason: e.to_string(),
                }
            }
            Some(ErrorCode::NotADatabase) => {
                return StoreError::NotAtelier {
                    path,
                    reason: "it is not a SQLite database".into(),
                }
            }
            Some(ErrorCode::DatabaseCorrupt) => {
                return StoreError::Damaged {
                    path,
                    reason: e.to_string(),
                }
            }
            _ => {}
        }
        match e {
            E::FromSqlConversionFailure(..)
            | E::InvalidColumnType(..)
            | E::IntegralValueOutOfRange(..) => StoreError::BadValue {
                path,
                reason: e.to_string(),
            },
            e => StoreError::Database { path, error: e },
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sqlite(e)
    }
}
