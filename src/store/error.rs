use rusqlite::ErrorCode;

/// What can go wrong with the database, worded for the person at the
/// keyboard: each message names the file and says what to do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path} is not an Atelier database ({reason}); it was left untouched")]
    NotAtelier { path: String, reason: String },
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
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Invalid(String),
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

    pub(crate) fn from_sqlite(path: &str, e: rusqlite::Error) -> StoreError {
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => {
                StoreError::Locked { path: path.into() }
            }
            Some(ErrorCode::ReadOnly) => StoreError::Unwritable {
                path: path.into(),
                reason: "the file or its folder is read-only".into(),
            },
            Some(ErrorCode::NotADatabase) => StoreError::NotAtelier {
                path: path.into(),
                reason: "it is not a SQLite database".into(),
            },
            _ => StoreError::Sqlite(e),
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::from_sqlite("the database", e)
    }
}
