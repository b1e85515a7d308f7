//! `atelier import-notes FILE [--dry-run] [--event E]`: written notes
//! become a session (see `crate::notes`).

use crate::i18n::{t, tf};
use crate::model::Lang;
use crate::notes;
use crate::templates::{Catalog, DEFAULT_TEMPLATE};
use anyhow::{anyhow, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Reads the notes; with `dry_run` prints what they would make and stops
/// before the database is even opened; else writes the session in one
/// transaction and prints its id. `session_lang` is `--lang` when given.
pub fn run(
    out: &mut impl Write,
    db: Option<&PathBuf>,
    file: &Path,
    dry_run: bool,
    (event, date): (&str, Option<chrono::NaiveDate>),
    session_lang: Option<Lang>,
    lang: Lang,
) -> Result<()> {
    let catalog = Catalog::load(crate::paths::user_templates().as_deref());
    let template = catalog
        .get(DEFAULT_TEMPLATE)
        .ok_or_else(|| anyhow!("{}", t(lang, "home.no_template")))?;
    let now = chrono::Utc::now();
    let mut prepared = notes::prepare(file, template, session_lang, lang, event, now)
        .map_err(|e| anyhow!("{}", e.message(lang)))?;
    if let Some(date) = date {
        prepared.plan.data.session.date = date;
    }
    if dry_run {
        write!(out, "{}", notes::dry_run(&prepared, lang))?;
        writeln!(out, "\n{}", t(lang, "notes.dry_run_done"))?;
        return Ok(());
    }
    let mut store = super::open_store(db)?;
    let id = notes::write(&mut store, &prepared)?;
    let summary = notes::summary(&prepared, lang);
    eprintln!(
        "{}",
        tf(lang, "notes.imported_summary", &[("summary", &summary)])
    );
    writeln!(out, "{id}")?;
    Ok(())
}
