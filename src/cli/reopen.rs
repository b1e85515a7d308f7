//! `atelier reopen SESSION`: a closed session takes changes again, through
//! the same command (and transaction) as the review screen's "reopen".

use super::commands::open_store;
use crate::commands::{apply, Command};
use crate::i18n::{t, tf};
use crate::model::{Lang, SessionStatus};
use anyhow::{bail, Result};
use std::io::Write;
use std::path::PathBuf;

pub(super) fn reopen(
    out: &mut dyn Write,
    db: Option<&PathBuf>,
    reference: &str,
    lang: Lang,
) -> Result<()> {
    let mut store = open_store(db)?;
    let id = store.resolve_session(reference)?;
    let session = store.session(id)?;
    // The whole id, as `atelier list` prints it (a SESSION is an id or a
    // prefix of one).
    let id_text = id.to_string();
    // A stored title never reaches the terminal as a control sequence.
    let title = crate::text::clean(&super::show::one_line(&session.title), false);
    let named = |key: &str, status: SessionStatus| {
        let status = t(lang, &format!("report.status.{}", status.key()));
        tf(
            lang,
            key,
            &[("title", &title), ("id", &id_text), ("status", status)],
        )
    };
    // Refused before the transaction: nothing is written.
    if session.status != SessionStatus::Closed {
        bail!("{}", named("cli_reopen.not_closed", session.status));
    }
    // Without `restore` (the inverse of a close): clocks stay stopped, as
    // when the review screen reopens.
    let outcome = apply(&mut store, id, &Command::Reopen { restore: None })
        .map_err(|e| anyhow::anyhow!("{title}: {}", e.message(lang)))?;
    writeln!(
        out,
        "{}",
        named("cli_reopen.done", outcome.changes.session.status)
    )?;
    Ok(())
}
