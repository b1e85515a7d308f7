//! Session bundles: one whole session in a versioned JSON file, to share,
//! archive or move between laptops. Import checks every file before
//! writing and writes all of them or nothing; export → import → export is
//! byte-identical. The format is documented in `sessions/README.md`.

mod check;
mod check_conflicts;
mod check_links;
mod check_review;
mod check_sources;
mod check_structures;
mod check_votes;
mod format;
mod import;
pub mod merge;
mod problem;

pub use format::{to_json, write_json, write_json_from, EachContribution};
pub use import::{import_file, import_files, plan_files, write, Planned, Step};
pub use problem::Problem;

use crate::model::SessionData;
use crate::store::StoreError;
use crate::templates::Catalog;
use check::{Checked, Checker};
use std::collections::HashMap;

pub const FORMAT: &str = "atelier.session";
/// The version this Atelier writes. Version 2 records a stage's time as
/// segments; version 1 (one start and one end per stage) still imports,
/// its start and end becoming one segment. Version 3 adds round-robin
/// passes, the session a session follows and where a carried-over action
/// came from; versions 1 and 2 still import (without them). Version 4
/// adds the report's review cycle (versions with the report data each
/// kept, remarks, sign-offs) and where a contribution came from
/// (`origin`: the room, imported notes); versions 1 to 3 still import.
/// Version 5 carries the conflicts merges left (`merge_conflicts`), so that
/// an open one stays open on the next laptop; versions 1 to 4 still
/// import (without them).
pub const VERSION: u32 = 5;
/// The oldest version this Atelier imports.
pub const OLDEST_VERSION: u32 = 1;

/// Why a bundle was refused: the file, where in it, and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct BundleError {
    pub file: String,
    /// A JSON path such as `stages[2].contributions[5].kind`, or a line and
    /// column when the file is not valid JSON.
    pub place: String,
    pub problem: Problem,
}

impl BundleError {
    /// "file: place: problem", the problem in `lang`.
    pub fn message(&self, lang: crate::model::Lang) -> String {
        let problem = self.problem.message(lang);
        if self.place.is_empty() {
            format!("{}: {problem}", self.file)
        } else {
            format!("{}: {}: {problem}", self.file, self.place)
        }
    }
}

/// English, for logs and tests.
impl std::fmt::Display for BundleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::model::Lang::En))
    }
}

impl std::error::Error for BundleError {}

/// Why an import wrote nothing. Neither variant exposes a `source`, so a
/// caller printing the error chain prints each message once.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0}; nothing was imported")]
    Bundle(BundleError),
    #[error("{0}; nothing was imported")]
    Store(StoreError),
}

impl ImportError {
    /// The message in `lang`; the place in the bundle stays as found (it
    /// quotes the file's JSON).
    pub fn message(&self, lang: crate::model::Lang) -> String {
        let error = match self {
            ImportError::Bundle(e) => e.message(lang),
            ImportError::Store(e) => e.message(lang),
        };
        crate::i18n::tf(lang, "import.nothing_imported", &[("error", &error)])
    }
}

impl From<BundleError> for ImportError {
    fn from(e: BundleError) -> Self {
        ImportError::Bundle(e)
    }
}

/// Parses and validates a bundle's text; `file` names it in errors.
pub fn parse(file: &str, text: &str, catalog: &Catalog) -> Result<SessionData, BundleError> {
    parse_checked(file, text, catalog).map(|c| c.data)
}

/// A participants' report (`--format json`) looks like a bundle but holds
/// no names, notes or history: say so, instead of a puzzling field error.
fn refuse_a_report(file: &str, text: &str) -> Result<(), BundleError> {
    #[derive(serde::Deserialize)]
    struct Head {
        format: Option<String>,
    }
    match serde_json::from_str::<Head>(text) {
        Ok(Head {
            format: Some(format),
        }) if format == "atelier.report" => Err(BundleError {
            file: file.into(),
            place: "format".into(),
            problem: Problem::said("bundle.is_a_report", &[]),
        }),
        _ => Ok(()),
    }
}

fn parse_checked(file: &str, text: &str, catalog: &Catalog) -> Result<Checked, BundleError> {
    // A byte order mark is how some editors start UTF-8 files: not JSON,
    // but not a reason to refuse the file either.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let syntax = |e: &serde_json::Error, problem: Problem| BundleError {
        file: file.into(),
        place: format!("line {}, column {}", e.line(), e.column()),
        problem,
    };
    refuse_a_report(file, text)?;
    let de = &mut serde_json::Deserializer::from_str(text);
    let bundle = serde_path_to_error::deserialize(&mut *de).map_err(|e| {
        let inner = e.inner();
        let path = e.path().to_string();
        let problem = Problem::Parser(crate::templates::strip_position(&inner.to_string()));
        if inner.is_syntax() || inner.is_eof() || path == "." {
            syntax(inner, problem)
        } else {
            BundleError {
                file: file.into(),
                place: path,
                problem,
            }
        }
    })?;
    // One file holds one bundle: anything after it (a second bundle, a
    // stray paste) would otherwise be silently dropped.
    de.end()
        .map_err(|e| syntax(&e, Problem::said("bundle.trailing_text", &[])))?;
    Checker {
        file,
        catalog,
        ids: HashMap::new(),
        places: Vec::new(),
    }
    .check(bundle)
}
