//! `atelier action remove | carry`: take an action back, or carry an open
//! one over into the next session of its workshop, through the same
//! commands (and transactions) as the terminal screen.

use super::commands::open_store;
use crate::commands::{apply, Command};
use crate::model::Lang;
use anyhow::{anyhow, Result};
use std::io::Write;
use std::path::PathBuf;

pub(super) fn remove(
    out: &mut dyn Write,
    db: Option<&PathBuf>,
    id: &str,
    lang: Lang,
) -> Result<()> {
    let mut store = open_store(db)?;
    let (session, id) = store.resolve_action(id)?;
    apply(&mut store, session, &Command::RemoveAction { id })
        .map_err(|e| anyhow!(e.message(lang)))?;
    writeln!(out, "{id}")?;
    Ok(())
}

/// Prints the id of the copy made in `to`.
pub(super) fn carry(
    out: &mut dyn Write,
    db: Option<&PathBuf>,
    id: &str,
    to: &str,
    lang: Lang,
) -> Result<()> {
    let mut store = open_store(db)?;
    let (_, from) = store.resolve_action(id)?;
    let to = store.resolve_session(to)?;
    let outcome = apply(&mut store, to, &Command::CarryAction { from })
        .map_err(|e| anyhow!(e.message(lang)))?;
    // The inverse names the copy just made.
    if let Command::RemoveAction { id } = outcome.inverse {
        writeln!(out, "{id}")?;
    }
    Ok(())
}
