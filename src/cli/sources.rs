//! `atelier link proposal --session SESSION ID...`: what the synthesis'
//! proposal builds on, from the command line (`unlink` takes it back),
//! through the same command as the synthesis screen; and the synthesis'
//! chains at the head of the links section of `atelier show`.

use super::commands::open_store;
use super::show::short_id;
use crate::commands::{apply, Command};
use crate::i18n::t;
use crate::model::{Id, Lang, Links, SessionData, SynthesisPart};
use anyhow::{anyhow, bail, Result};
use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;

/// Whether FROM names the synthesis' proposal rather than a contribution.
pub(super) fn names_proposal(from: &str) -> bool {
    matches!(
        from.trim().to_ascii_lowercase().as_str(),
        "proposal" | "synthesis"
    )
}

/// Adds (`add`) or takes back each of `to` as a source of the proposal of
/// `session`, as one change; prints each source added, as short ids.
pub(super) fn link(
    out: &mut dyn Write,
    db: Option<&PathBuf>,
    session: Option<&str>,
    to: &[String],
    add: bool,
    lang: Lang,
) -> Result<()> {
    let Some(session) = session else {
        bail!("{}", t(lang, "finish8.cli_needs_session"));
    };
    let mut store = open_store(db)?;
    let session = store.resolve_session(session)?;
    let to = to
        .iter()
        .map(|r| store.resolve_contribution(session, r))
        .collect::<std::result::Result<Vec<Id>, _>>()?;
    let mut next = store.synthesis(session)?;
    let before: HashSet<Id> = next.proposal_sources.iter().copied().collect();
    if add {
        to.iter()
            .for_each(|id| next.add_source(SynthesisPart::Proposal, *id));
    } else {
        next.proposal_sources.retain(|id| !to.contains(id));
    }
    apply(&mut store, session, &Command::SaveSynthesis(next))
        .map_err(|e| anyhow!(e.message(lang)))?;
    let mut shown = HashSet::new();
    for id in to.iter().filter(|id| add && !before.contains(id)) {
        if shown.insert(*id) {
            writeln!(out, "proposal → {}", short_id(id))?;
        }
    }
    Ok(())
}

/// The synthesis' parts that build on something, each with its sources
/// traced back; returns every contribution shown, so the other traces of
/// the section do not start from them again.
pub(super) fn chains(
    out: &mut String,
    data: &SessionData,
    links: &Links,
    lang: Lang,
) -> HashSet<Id> {
    let syn = &data.synthesis;
    let mut shown = HashSet::new();
    for part in syn.parts() {
        let starts = data.standing_sources(part);
        if starts.is_empty() {
            continue;
        }
        let (key, text) = match part {
            SynthesisPart::Proposal => ("finish8.report_proposal", syn.proposal.as_str()),
            SynthesisPart::Block(i) => ("finish8.report_block", syn.blocks[i].title.as_str()),
            SynthesisPart::Text => ("finish8.report_text", syn.text.as_str()),
        };
        let _ = writeln!(
            out,
            "  {:<8}  {:<11} {}",
            part_word(part),
            t(lang, key),
            super::show::one_line(text)
        );
        for (c, depth) in links.trace_from(&starts, 1) {
            shown.insert(c.id);
            super::links::line(out, data, c, depth, lang);
        }
    }
    shown
}

/// What stands where a contribution's short id would: `proposal` is the
/// word `atelier link` takes.
fn part_word(part: SynthesisPart) -> String {
    match part {
        SynthesisPart::Proposal => "proposal".into(),
        SynthesisPart::Block(i) => format!("block {}", i + 1),
        SynthesisPart::Text => "text".into(),
    }
}
