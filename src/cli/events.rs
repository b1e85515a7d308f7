//! `atelier event list` and `atelier event report`: the ateliers
//! (sessions) of each event, and one report for an event's ateliers,
//! however many laptops they were run on (their bundles imported into one
//! database). Both only read the file.

use super::commands::{for_terminal, open_store_read_only, say_missing_glyphs};
use crate::i18n::{t, tf};
use crate::model::Lang;
use crate::paths;
use crate::report::event::{self, EventReport};
use crate::report::Format;
use crate::store::{SessionSummary, Store};
use crate::text::clean;
use anyhow::{bail, Context, Result};
use clap::Subcommand;
use std::io::Write;
use std::path::PathBuf;
use unicode_width::UnicodeWidthStr;

/// `atelier event …`
#[derive(Debug, Subcommand)]
pub enum EventCommand {
    /// List every event with its ateliers (sessions): date, title, lead,
    /// participant count, status; sessions without an event come last,
    /// under "(no event)". Archived sessions only with --all, as in
    /// `atelier list`.
    List {
        /// Print a JSON array, one object per event with its sessions.
        #[arg(long)]
        json: bool,
        /// Include archived sessions.
        #[arg(long)]
        all: bool,
    },
    /// One report for an event: each atelier's question, synthesis and
    /// proposal, lead and participant count; the actions of every atelier
    /// in one table; statistics across ateliers. The same rules as the
    /// session report: no name beside a text of an anonymous atelier, no
    /// stage notes, deleted items or earlier versions.
    ///
    /// Example: `atelier event report Emergence --format html --out .`
    Report {
        /// The event's name, exactly as written on its sessions (capitals
        /// and accents included).
        event: String,
        /// md, html, json, csv, odt or pdf (default md); odt, for word
        /// processors, is a binary file: use --out or a pipe.
        #[arg(
            long,
            default_value = "md",
            value_parser = |s: &str| super::parse::parse_format(Lang::En, s),
            value_name = "md|html|json|csv|odt|pdf"
        )]
        format: Format,
        /// Write to this file (or into this folder) instead of stdout.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Include archived sessions of the event.
        #[arg(long)]
        all: bool,
        /// Every atelier read as if it had been anonymous (as `export
        /// --anonymise`): no name beside a text or an action, no lead's
        /// name; the file name ends in `-anonymised` (`-anonymise` in
        /// French).
        #[arg(long, alias = "anonymize")]
        anonymise: bool,
    },
}

pub(super) fn run(
    out: &mut dyn Write,
    db: Option<&PathBuf>,
    command: EventCommand,
    lang: Lang,
) -> Result<()> {
    let store = open_store_read_only(db)?;
    match command {
        EventCommand::List { json, all } => list(out, &store, json, all, lang),
        EventCommand::Report {
            event,
            format,
            out: target,
            all,
            anonymise,
        } => {
            let asked = Asked {
                event: &event,
                format,
                all,
                anonymise,
            };
            report(out, &store, asked, target, lang)
        }
    }
}

/// Sessions by event, events by name, the sessions without event last;
/// each event's sessions in date, then title order (the report's order).
fn by_event(store: &Store, all: bool) -> Result<Vec<(String, Vec<SessionSummary>)>> {
    let mut groups: Vec<(String, Vec<SessionSummary>)> = Vec::new();
    for s in store.list_sessions(all)? {
        let event = s.event.trim().to_string();
        match groups.iter_mut().find(|(e, _)| *e == event) {
            Some((_, list)) => list.push(s),
            None => groups.push((event, vec![s])),
        }
    }
    groups.sort_by(|(a, _), (b, _)| (a.is_empty(), a).cmp(&(b.is_empty(), b)));
    for (_, list) in &mut groups {
        list.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.title.cmp(&b.title)));
    }
    Ok(groups)
}

fn list(out: &mut dyn Write, store: &Store, json: bool, all: bool, lang: Lang) -> Result<()> {
    let groups = by_event(store, all)?;
    let lead = |s: &SessionSummary| store.session(s.id).map(|full| full.lead);
    if json {
        let mut array = Vec::new();
        for (event, sessions) in &groups {
            let mut rows = Vec::new();
            for s in sessions {
                rows.push(serde_json::json!({
                    "id": s.id.to_string(),
                    "title": s.title,
                    "date": s.date.format("%Y-%m-%d").to_string(),
                    "lead": lead(s)?,
                    "participants": s.participants,
                    "status": s.status.key(),
                    "archived": s.archived,
                }));
            }
            let event = (!event.is_empty()).then_some(event);
            array.push(serde_json::json!({ "event": event, "sessions": rows }));
        }
        let json = crate::safe_json::to_string_pretty(&array)?;
        writeln!(out, "{}", json)?;
        return Ok(());
    }
    if groups.is_empty() {
        writeln!(out, "{}", t(lang, "event.cli_no_sessions"))?;
        return Ok(());
    }
    // Every cell cleaned first, so widths are measured on what is shown.
    let mut table: Vec<(String, Vec<[String; 5]>)> = Vec::new();
    for (event, sessions) in &groups {
        let mut rows = Vec::new();
        for s in sessions {
            let status = t(lang, &format!("report.status.{}", s.status.key()));
            let mut title = clean(&s.title, false);
            if s.archived {
                title = format!("{title} [{}]", t(lang, "home.archived_tag"));
            }
            rows.push([
                s.date.format("%Y-%m-%d").to_string(),
                crate::tui::text::truncate(&title, 48),
                crate::tui::text::truncate(&clean(&lead(s)?, false), 28),
                format!("{} {}", s.participants, t(lang, "event.cli_people")),
                status.to_string(),
            ]);
        }
        let heading = match event.as_str() {
            "" => t(lang, "event.cli_no_event").to_string(),
            name => clean(name, false),
        };
        let count = match sessions.len() {
            1 => t(lang, "event.cli_ateliers_one").to_string(),
            n => tf(lang, "event.cli_ateliers", &[("n", &n.to_string())]),
        };
        table.push((format!("{heading} · {count}"), rows));
    }
    let mut widths = [0usize; 5];
    for row in table.iter().flat_map(|(_, rows)| rows) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    for (i, (heading, rows)) in table.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{heading}")?;
        for row in rows {
            let mut line = String::from(" ");
            for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
                line.push(' ');
                // The count reads best aligned right, the rest left.
                let pad = " ".repeat(w - cell.width());
                match i {
                    3 => line.push_str(&format!("{pad}{cell}")),
                    4 => line.push_str(cell),
                    _ => line.push_str(&format!("{cell}{pad}")),
                }
                line.push(' ');
            }
            writeln!(out, "{}", line.trim_end())?;
        }
    }
    Ok(())
}

/// The sessions of `event`, exactly named, or an error naming the events
/// with a close name (or all of them).
fn sessions_of(store: &Store, event: &str, all: bool, lang: Lang) -> Result<Vec<SessionSummary>> {
    let mut groups = by_event(store, all)?;
    if let Some(i) = groups.iter().position(|(e, _)| !e.is_empty() && e == event) {
        return Ok(groups.swap_remove(i).1);
    }
    let names: Vec<&str> = groups
        .iter()
        .map(|(e, _)| e.as_str())
        .filter(|e| !e.is_empty())
        .collect();
    let shown = clean(event, false);
    if names.is_empty() {
        bail!(
            "{}",
            tf(lang, "event.cli_unknown_none", &[("event", &shown)])
        );
    }
    let close = close_names(event, &names);
    let quote = |list: &[&str]| {
        list.iter()
            .map(|n| format!("\"{}\"", clean(n, false)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if close.is_empty() {
        let known = quote(&names);
        bail!(
            "{}",
            tf(
                lang,
                "event.cli_unknown_known",
                &[("event", &shown), ("known", &known)]
            )
        );
    }
    let close = quote(&close);
    bail!(
        "{}",
        tf(
            lang,
            "event.cli_unknown_close",
            &[("event", &shown), ("close", &close)]
        )
    )
}

/// Names that differ from `typed` only by capitals, accents or spaces, or
/// by a few letters: the likely slips.
fn close_names<'a>(typed: &str, names: &[&'a str]) -> Vec<&'a str> {
    let fold = |s: &str| {
        deunicode::deunicode(s)
            .to_lowercase()
            .split_whitespace()
            .collect::<String>()
    };
    let typed = fold(typed);
    names
        .iter()
        .copied()
        .filter(|name| {
            let name = fold(name);
            let limit = (typed.chars().count().max(name.chars().count()) / 4).clamp(1, 3);
            name == typed
                || strsim::levenshtein(&name, &typed) <= limit
                || (typed.len() >= 3 && name.contains(&typed))
        })
        .collect()
}

/// The event report asked for.
struct Asked<'a> {
    event: &'a str,
    format: Format,
    all: bool,
    anonymise: bool,
}

fn report(
    out: &mut dyn Write,
    store: &Store,
    asked: Asked,
    target: Option<PathBuf>,
    lang: Lang,
) -> Result<()> {
    let Asked {
        event,
        format,
        all,
        anonymise,
    } = asked;
    // The bundle is one session's archive, not a report.
    if format == Format::Bundle {
        bail!("{}", t(lang, "event.cli_not_a_report"));
    }
    let sessions = sessions_of(store, event, all, lang)?;
    // One session in memory at a time: each is read, reduced to what the
    // event shows, and dropped.
    let mut failed = None;
    let loaded = sessions.iter().map_while(|s| match store.load(s.id) {
        Ok(data) => Some(data),
        Err(e) => {
            failed = Some(e);
            None
        }
    });
    let options = crate::report::Options {
        anonymise,
        ..Default::default()
    };
    let r = EventReport::for_format(event, loaded, options, format);
    if let Some(e) = failed {
        return Err(e.into());
    }
    let Some(target) = target else {
        if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
            super::commands::refuse_binary_on_terminal(format, lang)?;
            let text = event::render(format, &r);
            out.write_all(for_terminal(format, &text).as_bytes())?;
        } else {
            let mut buffered = std::io::BufWriter::new(out);
            event::write(format, &r, &mut buffered)?;
            buffered.flush()?;
        }
        say_missing_glyphs(lang);
        return Ok(());
    };
    let path = paths::export_target(&target, &event::file_name(&r, format)).with_context(|| {
        let target = target.display().to_string();
        tf(lang, "cli.cannot_write_into", &[("path", &target)])
    })?;
    let shown = path.display().to_string();
    if paths::is_database_file(&path, store.path()) {
        bail!("{}", tf(lang, "cli.is_the_database", &[("path", &shown)]));
    }
    paths::write_atomically_with(&path, |file| event::write(format, &r, file))
        .with_context(|| tf(lang, "cli.cannot_write", &[("path", &shown)]))?;
    writeln!(out, "{}", clean(&shown, false))?;
    say_missing_glyphs(lang);
    Ok(())
}
