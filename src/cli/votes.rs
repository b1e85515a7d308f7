//! `atelier vote` (a participant's dots, a tally, the dots per person) and
//! `atelier votes` (the ranking), through the same commands and
//! transactions as the vote screen. What they print never says who voted
//! for what: a participant's line says how many dots they have left.

use super::commands::{open_store, open_store_read_only};
use super::show::short_id;
use crate::commands::{apply, Command, VoteCommand};
use crate::i18n::{t, tf};
use crate::model::{rank_items, Id, Lang, SessionData};
use anyhow::{anyhow, bail, Result};
use std::io::Write;
use std::path::PathBuf;

/// What `atelier vote` was asked to do.
pub(super) struct VoteArgs {
    pub session: String,
    pub participant: Option<String>,
    pub tally: Option<u32>,
    pub dots: Option<u32>,
    pub items: Vec<String>,
}

pub(super) fn vote(
    out: &mut dyn Write,
    db: Option<&PathBuf>,
    args: VoteArgs,
    lang: Lang,
) -> Result<()> {
    let mut store = open_store(db)?;
    let session = store.resolve_session(&args.session)?;
    let items = args
        .items
        .iter()
        .map(|r| store.resolve_contribution(session, r))
        .collect::<Result<Vec<Id>, _>>()?;
    let (command, said) = match (args.participant, args.tally, args.dots) {
        (Some(name), None, None) => {
            if items.is_empty() {
                bail!("{}", t(lang, "votes.cli_no_items"));
            }
            let participant = super::names::member(&store, session, &name, lang)?;
            let command = VoteCommand::CastVotes {
                participant,
                items: items.clone(),
            };
            (command, Some(participant))
        }
        (None, Some(count), None) => match items.as_slice() {
            [item] => (VoteCommand::SetTally { item: *item, count }, None),
            _ => bail!("{}", t(lang, "votes.cli_one_item")),
        },
        (None, None, Some(dots)) if items.is_empty() => (VoteCommand::SetDots(dots), None),
        _ => bail!("{}", t(lang, "votes.cli_one_way")),
    };
    let outcome = apply(&mut store, session, &Command::Vote(command))
        .map_err(|e| anyhow!(e.message(lang)))?;
    let voting = outcome.changes.delta.voting.unwrap_or_default();
    let line = match (said, args.tally) {
        (Some(p), _) => crate::i18n::tn(
            lang,
            "votes.cli_placed",
            items.len(),
            &[("left", &voting.remaining(p).to_string())],
        ),
        (None, Some(count)) => tf(lang, "votes.cli_tally", &[("n", &count.to_string())]),
        (None, None) => tf(
            lang,
            "votes.cli_dots",
            &[("n", &voting.dots_per_participant.to_string())],
        ),
    };
    writeln!(out, "{line}")?;
    Ok(())
}

/// `atelier votes SESSION [--json]`: the live items with dots, ranked.
pub(super) fn ranking(
    out: &mut dyn Write,
    db: Option<&PathBuf>,
    session: &str,
    json: bool,
    lang: Lang,
) -> Result<()> {
    let store = open_store_read_only(db)?;
    let id = store.resolve_session(session)?;
    let data = store.load(id)?;
    if json {
        let json = crate::safe_json::to_string_pretty(&ranking_json(&data))?;
        writeln!(out, "{}", json)?;
    } else {
        let text = crate::text::clean(&lines(&data, lang), true);
        write!(out, "{text}")?;
    }
    Ok(())
}

/// The live items that got dots, ranked (ties share a rank).
fn ranked(data: &SessionData) -> Vec<(crate::model::Ranked<Id>, &crate::model::Contribution)> {
    let totals = data.voting.totals();
    let voted = data
        .live()
        .filter(|c| totals.get(&c.id).is_some_and(|n| *n > 0));
    let by_id: std::collections::HashMap<Id, &crate::model::Contribution> =
        data.live().map(|c| (c.id, c)).collect();
    rank_items(&data.voting, voted.map(|c| c.id))
        .into_iter()
        .map(|r| {
            let c = by_id[&r.item];
            (r, c)
        })
        .collect()
}

fn ranking_json(data: &SessionData) -> serde_json::Value {
    let ranking: Vec<serde_json::Value> = ranked(data)
        .into_iter()
        .map(|(r, c)| {
            serde_json::json!({
                "id": c.id.to_string(),
                "text": c.text,
                "kind": c.kind.key(),
                "rank": r.rank,
                "tied": r.tied,
                "dots": r.dots,
            })
        })
        .collect();
    serde_json::json!({
        "session": data.session.id.to_string(),
        "dots_per_participant": data.voting.dots_per_participant,
        "revealed": data.voting.revealed,
        "ranking": ranking,
    })
}

/// The ranking as lines: place, dots, short id, kind, text on one line;
/// a heading with the dots per person first. Also printed by `show`.
pub(super) fn lines(data: &SessionData, lang: Lang) -> String {
    let dots = data.voting.dots_per_participant.to_string();
    let mut out = tf(lang, "votes.cli_heading", &[("dots", &dots)]);
    out.push('\n');
    let ranked = ranked(data);
    if ranked.is_empty() {
        out.push_str(&format!("  {}\n", t(lang, "votes.cli_none")));
    }
    for (r, c) in ranked {
        let place = if r.tied {
            tf(lang, "votes.report_tied", &[("rank", &r.rank.to_string())])
        } else {
            r.rank.to_string()
        };
        // As `show` writes a text on one line (only spaces and line
        // breaks trimmed: other invisible characters stay to be seen).
        let text = c
            .text
            .trim_matches([' ', '\n', '\r'])
            .replace("\r\n", "\n")
            .replace('\n', " / ");
        out.push_str(&format!(
            "  {place:<14} {:>3}  {}  {:<11} {text}\n",
            r.dots,
            short_id(&c.id),
            c.kind.label(lang)
        ));
    }
    out
}
