//! Written notes → a session. `parse` reads the text (pure), `build`
//! makes the session in memory, `show` says what was found; `import`
//! writes it all in one transaction, or nothing when anything is wrong.

mod build;
mod error;
mod parse;
#[cfg(test)]
mod parse_tests;
mod show;
mod words;

pub use build::{plan, Plan, Setting, TO_SORT};
pub use error::NotesError;
pub use parse::{parse, Element, KindFrom, Notes, Place};
pub use show::{dry_run, summary};
pub use words::Section;

use crate::model::{Id, Lang};
use crate::store::Store;
use std::path::Path;

/// Notes are a few pages; a larger file is not notes.
pub const MAX_NOTES_BYTES: u64 = 4 * 1024 * 1024;

/// Reads a file of notes: a regular file, at most `MAX_NOTES_BYTES`, in
/// UTF-8 (a byte order mark is skipped), with text in it.
pub fn read(path: &Path) -> Result<String, NotesError> {
    let file = path.display().to_string();
    let bytes = crate::paths::read_limited(path, MAX_NOTES_BYTES).map_err(|e| {
        NotesError::new(
            &file,
            None,
            "notes.error.unreadable",
            &[("reason", e.to_string())],
        )
    })?;
    decode(&file, &bytes)
}

/// The text of `bytes`, refusing a binary file (a NUL byte) and bytes
/// that are not UTF-8, at the line and byte offset where they start.
pub fn decode(file: &str, bytes: &[u8]) -> Result<String, NotesError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let line_of = |at: usize| bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
    if let Some(at) = bytes.iter().position(|b| *b == 0) {
        return Err(NotesError::new(
            file,
            Some(line_of(at)),
            "notes.error.binary",
            &[("offset", at.to_string())],
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => {
            let at = e.valid_up_to();
            Err(NotesError::new(
                file,
                Some(line_of(at)),
                "notes.error.not_utf8",
                &[("offset", at.to_string())],
            ))
        }
    }
}

/// What `prepare` found: the notes and the session they make.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub notes: Notes,
    pub plan: Plan,
}

/// Reads and plans an import without writing: the dry run, and the first
/// half of a real import. `lang` is the session's language when given,
/// else the headings', else `fallback`.
pub fn prepare(
    path: &Path,
    template: &crate::model::Template,
    lang: Option<Lang>,
    fallback: Lang,
    event: &str,
    now: crate::model::Timestamp,
) -> Result<Prepared, NotesError> {
    let file = path.display().to_string();
    let notes = parse(&file, &read(path)?)?;
    let stem = path.file_stem().map(|s| s.to_string_lossy().to_string());
    let setting = Setting {
        lang: lang.or(notes.lang).unwrap_or(fallback),
        event: event.to_string(),
        date: now.with_timezone(&chrono::Local).date_naive(),
        now,
        fallback_title: crate::text::clean(&stem.unwrap_or_default(), false),
    };
    let plan = plan(&notes, template, &setting);
    Ok(Prepared { notes, plan })
}

/// Writes the planned session in one transaction; returns its id.
pub fn write(store: &mut Store, prepared: &Prepared) -> crate::store::Result<Id> {
    store.insert_session_data(&prepared.plan.data)?;
    Ok(prepared.plan.data.session.id)
}
