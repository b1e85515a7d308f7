//! `atelier action add | list | done`: who does what by when, through the
//! same commands (and transactions) as the terminal screen.

use super::commands::{open_store, open_store_read_only};
use super::show::short_id;
use super::ActionCommand;
use crate::commands::{apply, Command};
use crate::i18n::short_date;
use crate::model::{Action, Id, Lang};
use crate::store::{NewAction, Store};
use anyhow::{anyhow, Result};
use std::io::Write;
use std::path::PathBuf;

pub(super) fn run(
    out: &mut dyn Write,
    db: Option<&PathBuf>,
    command: ActionCommand,
    lang: Lang,
) -> Result<()> {
    match command {
        ActionCommand::Add {
            session,
            text,
            who,
            due,
        } => {
            let mut store = open_store(db)?;
            let session = store.resolve_session(&session)?;
            let new = new_action(&store, session, text, who.as_deref(), due)?;
            let outcome = apply(&mut store, session, &Command::AddAction(new))
                .map_err(|e| anyhow!(e.message(lang)))?;
            // The inverse names the action just recorded.
            if let Command::RemoveAction { id } = outcome.inverse {
                writeln!(out, "{id}")?;
            }
            Ok(())
        }
        ActionCommand::List {
            session,
            open,
            json,
        } => {
            let store = open_store_read_only(db)?;
            let session = session.map(|s| store.resolve_session(&s)).transpose()?;
            let mut list = store.listed_actions(session)?;
            if open {
                list.retain(|(_, a)| !a.done);
            }
            if json {
                print_json(out, &store, &list)
            } else {
                print_lines(out, &store, &list, lang)
            }
        }
        ActionCommand::Done { id } => {
            let mut store = open_store(db)?;
            let (session, id) = store.resolve_action(&id)?;
            let command = Command::SetActionStatus { id, done: true };
            apply(&mut store, session, &command).map_err(|e| anyhow!(e.message(lang)))?;
            writeln!(out, "{id}")?;
            Ok(())
        }
        ActionCommand::Remove { id } => super::carry::remove(out, db, &id, lang),
        ActionCommand::Carry { id, to } => super::carry::carry(out, db, &id, &to, lang),
    }
}

/// `--who` names a roster member when one has that name (so the report's
/// anonymity rule applies to them), anyone else otherwise.
fn new_action(
    store: &Store,
    session: Id,
    text: String,
    who: Option<&str>,
    due: Option<chrono::NaiveDate>,
) -> Result<NewAction> {
    let who = who.unwrap_or("").trim();
    let member = match who {
        "" => None,
        name => store.participant_by_name(session, name)?,
    };
    Ok(NewAction {
        text,
        who_participant: member.as_ref().map(|p| p.id),
        who_name: if member.is_some() {
            String::new()
        } else {
            who.to_string()
        },
        due,
    })
}

/// Who does it, by name (the facilitator's own view, as `show`).
fn who(store: &Store, session: Id, a: &Action) -> Result<String> {
    Ok(match a.who_participant {
        Some(p) => store
            .participants(session)?
            .into_iter()
            .find(|x| x.id == p)
            .map(|x| x.name)
            .unwrap_or_default(),
        None => a.who_name.clone(),
    })
}

fn print_lines(
    out: &mut dyn Write,
    store: &Store,
    list: &[(Id, Action)],
    lang: Lang,
) -> Result<()> {
    for (session, a) in list {
        let mark = if a.done { "[x]" } else { "[ ]" };
        let due = a.due.map(|d| short_date(lang, d)).unwrap_or_default();
        let line = format!(
            "{}  {mark}  {due:<10}  {}  {}{}",
            short_id(&a.id),
            who(store, *session, a)?,
            a.text,
            super::show_follow::origin(a)
        );
        writeln!(out, "{}", crate::text::clean(&line, false))?;
    }
    Ok(())
}

fn print_json(out: &mut dyn Write, store: &Store, list: &[(Id, Action)]) -> Result<()> {
    let mut array = Vec::new();
    for (session, a) in list {
        array.push(serde_json::json!({
            "id": a.id.to_string(),
            "session": session.to_string(),
            "text": a.text,
            "who": who(store, *session, a)?,
            "due": a.due.map(|d| d.format("%Y-%m-%d").to_string()),
            "status": if a.done { "done" } else { "open" },
            "carried_from": a.carried_from.map(|f| f.to_string()),
        }));
    }
    let json = serde_json::to_string_pretty(&array)?;
    writeln!(out, "{}", crate::text::json_for_terminal(&json))?;
    Ok(())
}
