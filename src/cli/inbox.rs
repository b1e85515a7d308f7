//! `atelier inbox` (the room's input: list, accept, merge, decline) and
//! `atelier room-settings`, through the same commands and transactions as
//! the inbox screen, so a moderation can be scripted and tested without
//! the server or the terminal screen.

use super::commands::{open_store, open_store_read_only};
use super::show::short_id;
use crate::commands::{apply, Command, RoomCommand};
use crate::i18n::{t, tf};
use crate::model::{Id, InboxItem, Kind, Lang, SessionData};
use crate::store::{RoomSettings, Store};
use anyhow::{anyhow, Result};
use clap::Subcommand;
use std::io::Write;
use std::path::PathBuf;

/// `atelier inbox SESSION …`
#[derive(Debug, Subcommand)]
pub enum InboxCommand {
    /// Make an input a contribution (marked as sent from the room), at the
    /// end of its stage, with its sender (or none) as sent; prints its id.
    Accept {
        /// An input id, or a unique part of one (`atelier inbox` prints the
        /// last eight characters).
        id: String,
        /// The text as the facilitator corrected it (the inbox keeps what
        /// was sent).
        #[arg(long)]
        text: Option<String>,
        /// Another kind: observation (constat), stake (enjeu), idea…
        #[arg(long)]
        kind: Option<String>,
    },
    /// Join an input to a contribution already on the list: that item
    /// stays as it is, the input is counted as merged into it.
    Merge {
        /// An input id, or a unique part of one.
        id: String,
        /// The contribution (an id, or a unique part of one).
        #[arg(long, value_name = "CONTRIBUTION")]
        into: String,
    },
    /// Leave an input out: kept in the file, never shown to the room nor in
    /// a report.
    Decline {
        /// An input id, or a unique part of one.
        id: String,
    },
}

/// `atelier inbox SESSION [--all] [--json] [accept|merge|decline …]`.
pub(super) fn run(
    out: &mut dyn Write,
    db: Option<&PathBuf>,
    (session, all, json): (&str, bool, bool),
    command: Option<InboxCommand>,
    lang: Lang,
) -> Result<()> {
    let Some(command) = command else {
        return list(out, db, session, all, json, lang);
    };
    let mut store = open_store(db)?;
    let session = store.resolve_session(session)?;
    let (room, said) = match command {
        InboxCommand::Accept { id, text, kind } => {
            let kind = kind.map(|k| parse_kind(&k, lang)).transpose()?;
            let input = store.resolve_inbox_item(session, &id)?;
            (
                RoomCommand::Accept { input, text, kind },
                "inbox.cli_accepted",
            )
        }
        InboxCommand::Merge { id, into } => {
            let input = store.resolve_inbox_item(session, &id)?;
            let into = store.resolve_contribution(session, &into)?;
            (RoomCommand::Merge { input, into }, "inbox.cli_merged")
        }
        InboxCommand::Decline { id } => {
            let input = store.resolve_inbox_item(session, &id)?;
            (RoomCommand::Decline { input }, "inbox.cli_declined")
        }
    };
    let outcome =
        apply(&mut store, session, &Command::Room(room)).map_err(|e| anyhow!(e.message(lang)))?;
    let id = outcome
        .changes
        .delta
        .contributions
        .first()
        .map(|c| c.id)
        .or_else(|| {
            outcome
                .changes
                .delta
                .inbox
                .first()
                .and_then(|i| i.contribution_id)
        });
    let id = id.map(|id| short_id(&id)).unwrap_or_default();
    writeln!(out, "{}", tf(lang, said, &[("id", &id)]))?;
    Ok(())
}

fn parse_kind(k: &str, lang: Lang) -> Result<Kind> {
    Kind::parse(k).ok_or_else(|| {
        let known = Kind::keys();
        anyhow!(
            "{}",
            tf(lang, "cli.unknown_kind", &[("kind", k), ("known", &known)])
        )
    })
}

fn list(
    out: &mut dyn Write,
    db: Option<&PathBuf>,
    session: &str,
    all: bool,
    json: bool,
    lang: Lang,
) -> Result<()> {
    let store = open_store_read_only(db)?;
    let id = store.resolve_session(session)?;
    let data = store.load(id)?;
    let inbox = store.inbox(id, !all)?;
    if json {
        let rows: Vec<serde_json::Value> = inbox.iter().map(|i| row_json(&data, i)).collect();
        let json = crate::safe_json::to_string_pretty(&serde_json::json!({
            "session": id.to_string(),
            "settings": settings_json(store.room_settings(id)?),
            "inputs": rows,
        }))?;
        writeln!(out, "{}", json)?;
        return Ok(());
    }
    let mut text = String::new();
    if inbox.is_empty() {
        text.push_str(t(lang, "inbox.cli_empty"));
        text.push('\n');
    }
    for item in &inbox {
        text.push_str(&line(&data, item, lang));
    }
    write!(out, "{}", crate::text::clean(&text, true))?;
    Ok(())
}

/// One input on one line: short id, state, stage, kind, sender, text.
fn line(data: &SessionData, item: &InboxItem, lang: Lang) -> String {
    let state = t(lang, &format!("inbox.state.{}", item.state.key()));
    let text = item
        .text
        .trim_matches([' ', '\n', '\r'])
        .replace("\r\n", "\n")
        .replace('\n', " / ");
    format!(
        "{}  {:<10} {:<16} {:<11} {:<14} {text}\n",
        short_id(&item.id),
        state,
        stage_title(data, item.stage_id),
        item.kind.label(lang),
        sender(data, item, lang),
    )
}

fn stage_title(data: &SessionData, stage: Id) -> String {
    data.stages
        .iter()
        .find(|s| s.id == stage)
        .map(|s| s.title.clone())
        .unwrap_or_default()
}

/// Who sent it, as the facilitator may see it: the name picked on the
/// phone, "anonymous" (nothing identifies an anonymous phone), or "no
/// name" when the phone picked none.
pub(crate) fn sender(data: &SessionData, item: &InboxItem, lang: Lang) -> String {
    match item.participant_id {
        Some(p) if !item.anonymous => data
            .participants
            .iter()
            .find(|x| x.id == p)
            .map(|x| x.name.clone())
            .unwrap_or_default(),
        _ if item.anonymous => t(lang, "inbox.anonymous").to_string(),
        _ => t(lang, "inbox.no_name").to_string(),
    }
}

fn row_json(data: &SessionData, i: &InboxItem) -> serde_json::Value {
    serde_json::json!({
        "id": i.id.to_string(),
        "state": i.state.key(),
        "stage": data.stages.iter().find(|s| s.id == i.stage_id).map(|s| s.key.clone()),
        "kind": i.kind.key(),
        "text": i.text,
        "participant": i.participant_id.map(|p| p.to_string()),
        "anonymous": i.anonymous,
        "received_at": crate::model::format_time(&i.received_at),
        "contribution": i.contribution_id.map(|c| c.to_string()),
    })
}

fn settings_json(s: RoomSettings) -> serde_json::Value {
    serde_json::json!({ "accept_all": s.accept_all, "show_items": s.show_items })
}

/// `atelier room-settings SESSION [--accept-all on|off] [--show-items on|off]`:
/// sets what is given, then prints both settings.
pub(super) fn settings(
    out: &mut dyn Write,
    db: Option<&PathBuf>,
    session: &str,
    (accept_all, show_items): (Option<bool>, Option<bool>),
    lang: Lang,
) -> Result<()> {
    let now = if accept_all.is_none() && show_items.is_none() {
        let store = open_store_read_only(db)?;
        let id = store.resolve_session(session)?;
        store.room_settings(id)?
    } else {
        let mut store = open_store(db)?;
        let id = store.resolve_session(session)?;
        set(&mut store, id, accept_all, show_items, lang)?
    };
    let word = |on: bool| t(lang, if on { "inbox.on" } else { "inbox.off" });
    writeln!(
        out,
        "{}",
        tf(
            lang,
            "inbox.cli_settings",
            &[
                ("accept_all", word(now.accept_all)),
                ("show_items", word(now.show_items))
            ]
        )
    )?;
    Ok(())
}

fn set(
    store: &mut Store,
    session: Id,
    accept_all: Option<bool>,
    show_items: Option<bool>,
    lang: Lang,
) -> Result<RoomSettings> {
    let was = store.room_settings(session)?;
    let to = RoomSettings {
        accept_all: accept_all.unwrap_or(was.accept_all),
        show_items: show_items.unwrap_or(was.show_items),
    };
    apply(store, session, &Command::Room(RoomCommand::SetSettings(to)))
        .map_err(|e| anyhow!(e.message(lang)))?;
    Ok(to)
}

/// `on` / `off` (also `yes`/`no`, `true`/`false`, `oui`/`non`).
pub(super) fn parse_switch(lang: Lang, s: &str) -> Result<bool, String> {
    match s.trim().to_lowercase().as_str() {
        "on" | "yes" | "true" | "oui" | "1" => Ok(true),
        "off" | "no" | "false" | "non" | "0" => Ok(false),
        _ => Err(tf(lang, "inbox.cli_bad_switch", &[("value", s)])),
    }
}
