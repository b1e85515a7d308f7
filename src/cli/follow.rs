//! `park`, `unpark` and `decide`: follow-through from the command line,
//! through the same commands (and transactions) as the terminal screen.

use super::commands::{open_store, stage_by_key};
use crate::commands::{apply, Command, Outcome};
use crate::model::{Id, Lang};
use crate::store::Store;
use anyhow::{anyhow, Result};
use std::io::Write;
use std::path::PathBuf;

fn run(store: &mut Store, session: Id, command: &Command, lang: Lang) -> Result<Outcome> {
    apply(store, session, command).map_err(|e| anyhow!(e.message(lang)))
}

pub(super) fn park(out: &mut dyn Write, db: Option<&PathBuf>, id: &str, lang: Lang) -> Result<()> {
    let mut store = open_store(db)?;
    let (session, id) = store.resolve_any_contribution(id)?;
    run(&mut store, session, &Command::Park { id }, lang)?;
    writeln!(out, "{id}")?;
    Ok(())
}

pub(super) fn unpark(
    out: &mut dyn Write,
    db: Option<&PathBuf>,
    id: &str,
    stage: Option<&str>,
    lang: Lang,
) -> Result<()> {
    let mut store = open_store(db)?;
    let (session, id) = store.resolve_any_contribution(id)?;
    let stage = match stage {
        Some(key) => stage_by_key(&store, session, key, lang)?.id,
        None => store.contribution(id)?.stage_id,
    };
    run(&mut store, session, &Command::Unpark { id, stage }, lang)?;
    writeln!(out, "{id}")?;
    Ok(())
}

pub(super) fn decide(
    out: &mut dyn Write,
    db: Option<&PathBuf>,
    session: &str,
    text: &str,
    lang: Lang,
) -> Result<()> {
    let mut store = open_store(db)?;
    let session = store.resolve_session(session)?;
    let command = Command::Decide { text: text.into() };
    let outcome = run(&mut store, session, &command, lang)?;
    // The inverse names the decision just logged.
    if let Command::RemoveDecision { id } = outcome.inverse {
        writeln!(out, "{id}")?;
    }
    Ok(())
}
