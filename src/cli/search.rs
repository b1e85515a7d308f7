//! `atelier search`: every session's text searched at once (the store's
//! FTS5 index), the hits grouped by session, best first. The file is only
//! read. Every stored text is cleaned before it reaches the terminal.

use super::commands::open_store_read_only;
use super::show::short_id;
use crate::i18n::tf;
use crate::model::{Kind, Lang};
use crate::store::{grouped, Hit, SearchFilter};
use crate::text::clean;
use anyhow::{anyhow, Result};
use std::io::Write;
use std::path::PathBuf;

/// At most this many hits; the best ones.
const LIMIT: usize = 200;

/// What `atelier search` was asked.
pub(super) struct SearchArgs {
    pub words: Vec<String>,
    pub kind: Option<String>,
    pub event: Option<String>,
    pub session: Option<String>,
    pub json: bool,
}

pub(super) fn search(
    out: &mut dyn Write,
    db: Option<&PathBuf>,
    args: SearchArgs,
    lang: Lang,
) -> Result<()> {
    let store = open_store_read_only(db)?;
    let kind = match args.kind {
        Some(k) => Some(Kind::parse(&k).ok_or_else(|| {
            let known = Kind::keys();
            anyhow!(
                "{}",
                tf(lang, "cli.unknown_kind", &[("kind", &k), ("known", &known)])
            )
        })?),
        None => None,
    };
    let session = match args.session {
        Some(s) => Some(store.resolve_session(&s)?),
        None => None,
    };
    let filter = SearchFilter {
        kind,
        event: args.event,
        session,
    };
    let typed = args.words.join(" ");
    let hits = store.search(&typed, &filter, LIMIT)?;
    if args.json {
        let json = crate::safe_json::to_string_pretty(&as_json(&hits))?;
        writeln!(out, "{}", json)?;
        return Ok(());
    }
    if hits.is_empty() {
        let typed = clean(&typed, false);
        writeln!(out, "{}", tf(lang, "search.cli_none", &[("text", &typed)]))?;
        return Ok(());
    }
    let prefixes = store.session_prefixes()?;
    for (i, group) in grouped(&hits).iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let first = group[0];
        let mut heading = format!("{}  {}", first.date.format("%Y-%m-%d"), first.title);
        if !first.event.is_empty() {
            heading.push_str(&format!(" — {}", first.event));
        }
        // The start of the id, as `--session` and every command take it.
        let id = prefixes.get(&first.session).cloned().unwrap_or_default();
        heading.push_str(&format!("  ({id})"));
        writeln!(out, "{}", clean(&heading, false))?;
        for hit in group {
            writeln!(
                out,
                "  {}  {}",
                clean(&label(hit, lang), false),
                one_line(hit)
            )?;
        }
    }
    Ok(())
}

/// Where the hit is, and a contribution's short id (as `atelier show`
/// prints it).
fn label(hit: &Hit, lang: Lang) -> String {
    match hit.contribution {
        Some(id) => format!("{} · {}", hit.place(lang), short_id(&id)),
        None => hit.place(lang),
    }
}

/// The snippet on one line, cleaned, each match between brackets.
fn one_line(hit: &Hit) -> String {
    hit.snippet
        .iter()
        .map(|p| {
            let text = clean(&p.text.replace(['\n', '\r'], " "), false);
            if p.matched {
                format!("[{text}]")
            } else {
                text
            }
        })
        .collect()
}

fn as_json(hits: &[Hit]) -> serde_json::Value {
    let sessions: Vec<serde_json::Value> = grouped(hits)
        .iter()
        .map(|group| {
            let first = group[0];
            let hits: Vec<serde_json::Value> = group
                .iter()
                .map(|h| {
                    serde_json::json!({
                        "source": h.source,
                        "stage": h.stage,
                        "kind": h.kind.map(Kind::key),
                        "contribution": h.contribution.map(|id| id.to_string()),
                        "parked": h.parked,
                        "snippet": h.marked("", ""),
                        "pieces": h.snippet,
                    })
                })
                .collect();
            serde_json::json!({
                "session": first.session.to_string(),
                "title": first.title,
                "event": first.event,
                "date": first.date.format("%Y-%m-%d").to_string(),
                "hits": hits,
            })
        })
        .collect();
    serde_json::Value::Array(sessions)
}
