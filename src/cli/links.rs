//! `link`, `unlink` and `trace`: links between contributions from the
//! command line, through the same commands (and transactions) as the
//! terminal screen; and the links section of `atelier show`.

use super::commands::{open_store, open_store_read_only};
use super::show::short_id;
use crate::commands::{apply, Command};
use crate::i18n::t;
use crate::model::{Contribution, Id, Lang, Links, SessionData};
use crate::store::Store;
use anyhow::{anyhow, Result};
use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;

/// `from` and each of `to`, resolved in `from`'s session.
fn ends(store: &Store, from: &str, to: &[String]) -> Result<(Id, Id, Vec<Id>)> {
    let (session, from) = store.resolve_any_contribution(from)?;
    let to = to
        .iter()
        .map(|r| store.resolve_contribution(session, r))
        .collect::<std::result::Result<Vec<_>, _>>()?;
    Ok((session, from, to))
}

/// `atelier link FROM TO...`: prints each link made, as short ids.
pub(super) fn link(
    out: &mut dyn Write,
    db: Option<&PathBuf>,
    from: &str,
    to: &[String],
    lang: Lang,
) -> Result<()> {
    let mut store = open_store(db)?;
    let (session, from, to) = ends(&store, from, to)?;
    let outcome = apply(&mut store, session, &Command::Link { from, to })
        .map_err(|e| anyhow!(e.message(lang)))?;
    // The inverse names the links just made.
    if let Command::Unlink { from, to } = outcome.inverse {
        for target in to {
            writeln!(out, "{} → {}", short_id(&from), short_id(&target))?;
        }
    }
    Ok(())
}

/// `atelier unlink FROM TO...`.
pub(super) fn unlink(db: Option<&PathBuf>, from: &str, to: &[String], lang: Lang) -> Result<()> {
    let mut store = open_store(db)?;
    let (session, from, to) = ends(&store, from, to)?;
    apply(&mut store, session, &Command::Unlink { from, to })
        .map_err(|e| anyhow!(e.message(lang)))?;
    Ok(())
}

/// `atelier trace ID`: the contribution and what it answers, back to the
/// first observations, one line each, indented by step.
pub(super) fn trace(out: &mut dyn Write, db: Option<&PathBuf>, id: &str, lang: Lang) -> Result<()> {
    let store = open_store_read_only(db)?;
    let (session, id) = store.resolve_any_contribution(id)?;
    let data = store.load(session)?;
    let links = Links::of(&data);
    let root = data
        .contributions
        .iter()
        .find(|c| c.id == id)
        .ok_or_else(|| anyhow!("{id}"))?;
    let mut text = String::new();
    for (c, depth) in links.trace(root) {
        line(&mut text, &data, c, depth, lang);
    }
    if links.answers(id).is_empty() {
        let _ = writeln!(text, "  {}", t(lang, "links.cli_none"));
    }
    out.write_all(crate::text::clean(&text, true).as_bytes())?;
    Ok(())
}

/// The links section of `atelier show`: each trace, from its start back.
pub(super) fn section(out: &mut String, data: &SessionData, lang: Lang) {
    let links = Links::of(data);
    // The synthesis' proposal first, as in the report.
    let mut text = String::new();
    let shown = super::sources::chains(&mut text, data, &links, lang);
    for root in links.roots_besides(&shown) {
        for (c, depth) in links.trace(root) {
            line(&mut text, data, c, depth, lang);
        }
    }
    if text.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", t(lang, "links.panel_title"));
    out.push_str(&text);
}

pub(super) fn line(
    out: &mut String,
    data: &SessionData,
    c: &Contribution,
    depth: usize,
    lang: Lang,
) {
    let who = c
        .participant_id
        .and_then(|p| data.participant(p))
        .map(|p| format!(" — {}", super::show::one_line(&p.name)))
        .unwrap_or_default();
    let arrow = if depth == 0 { "" } else { "↖ " };
    let _ = writeln!(
        out,
        "  {}  {}{arrow}{:<11} {}{who}",
        short_id(&c.id),
        "  ".repeat(depth),
        c.kind.label(lang),
        super::show::one_line(&c.text)
    );
}
