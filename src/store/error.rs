use crate::i18n::tf;
use crate::model::Lang;
use rusqlite::ErrorCode;

pub use super::reasons::{Cause, Missing, Refused};

/// What can go wrong with the database, worded for the person at the
/// keyboard: each message names the file and says what to do. The texts
/// are in `assets/i18n` (`store.*`), French and English side by side;
/// `Display` gives the English one, `message` the one in a given language.
#[derive(Debug)]
pub enum StoreError {
    NotAtelier {
        path: String,
        reason: Cause,
    },
    NotAFile {
        path: String,
        what: Cause,
    },
    TooNew {
        path: String,
        found: i64,
        known: i64,
    },
    Unwritable {
        path: String,
        reason: Cause,
    },
    Locked {
        path: String,
    },
    Migration {
        path: String,
        reason: Cause,
    },
    Damaged {
        path: String,
        reason: Cause,
    },
    Disk {
        path: String,
        reason: Cause,
    },
    BadValue {
        path: String,
        reason: Cause,
    },
    Database {
        path: String,
        error: rusqlite::Error,
    },
    TooDeep {
        max: usize,
    },
    NotFound(Missing),
    Invalid(Refused),
    /// A SQLite error not yet tied to its file: the `Store` names it (see
    /// `named`) before any error leaves it.
    Sqlite(rusqlite::Error),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for StoreError {}

impl StoreError {
    /// The message in `lang`. Reasons quoted from SQLite or the system
    /// stay as given.
    pub fn message(&self, lang: Lang) -> String {
        use StoreError::*;
        let text = |key: &str, args: &[(&str, &str)]| tf(lang, key, args);
        let cause = |c: &Cause| c.message(lang);
        match self {
            NotAtelier { path, reason } => text(
                "store.not_atelier",
                &[("path", path), ("reason", &cause(reason))],
            ),
            NotAFile { path, what } => text(
                "store.not_a_file",
                &[("path", path), ("what", &cause(what))],
            ),
            TooNew { path, found, known } => text(
                "store.too_new",
                &[
                    ("path", path),
                    ("found", &found.to_string()),
                    ("known", &known.to_string()),
                ],
            ),
            Unwritable { path, reason } => text(
                "store.unwritable",
                &[("path", path), ("reason", &cause(reason))],
            ),
            Locked { path } => text("store.locked", &[("path", path)]),
            Migration { path, reason } => text(
                "store.migration",
                &[("path", path), ("reason", &cause(reason))],
            ),
            Damaged { path, reason } => text(
                "store.damaged",
                &[("path", path), ("reason", &cause(reason))],
            ),
            Disk { path, reason } => {
                text("store.disk", &[("path", path), ("reason", &cause(reason))])
            }
            BadValue { path, reason } => text(
                "store.bad_value",
                &[("path", path), ("reason", &cause(reason))],
            ),
            Database { path, error } => text(
                "store.database",
                &[("path", path), ("error", &error.to_string())],
            ),
            TooDeep { max } => text("store.too_deep", &[("max", &max.to_string())]),
            NotFound(missing) => missing.message(lang),
            Invalid(refused) => refused.message(lang),
            Sqlite(error) => text("store.sqlite", &[("error", &error.to_string())]),
        }
    }

    pub(crate) fn from_open(path: &str, e: rusqlite::Error) -> StoreError {
        match e.sqlite_error_code() {
            Some(ErrorCode::CannotOpen) | Some(ErrorCode::PermissionDenied) => {
                StoreError::Unwritable {
                    path: path.into(),
                    reason: Cause::Said("store.cause.cannot_open"),
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
                    reason: Cause::Said("store.cause.read_only_folder"),
                }
            }
            Some(ErrorCode::DiskFull) => {
                return StoreError::Unwritable {
                    path,
                    reason: Cause::Said("store.cause.disk_full"),
                }
            }
            Some(ErrorCode::SystemIoFailure) => {
                return StoreError::Disk {
                    path,
                    reason: e.to_string().into(),
                }
            }
            Some(ErrorCode::NotADatabase) => {
                return StoreError::NotAtelier {
                    path,
                    reason: Cause::Said("store.cause.not_sqlite"),
                }
            }
            Some(ErrorCode::DatabaseCorrupt) => {
                return StoreError::Damaged {
                    path,
                    reason: e.to_string().into(),
                }
            }
            _ => {}
        }
        match e {
            E::FromSqlConversionFailure(..)
            | E::InvalidColumnType(..)
            | E::IntegralValueOutOfRange(..) => StoreError::BadValue {
                path,
                reason: e.to_string().into(),
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
