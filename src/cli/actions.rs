//! `atelier action add | list | done`: who does what by when, through the
//! same commands (and transactions) as the terminal screen.

use super::commands::{open_store, open_store_read_only};
use super::show::short_id;
use super::ActionCommand;
use crate::commands::{apply, Command};
use crate::i18n::{short_date, tf};
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
            let due = match due {
                Some(typed) => Some(due_date(&typed, store.session(session)?.language, lang)?),
                None => None,
            };
            let new = new_action(&store, session, text, who.as_deref(), due, lang)?;
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
                list.retain(|(_, a)| a.is_open());
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

/// `--who` names a roster member when it means one (see `names`: so the
/// report's anonymity rule applies to them), anyone else otherwise.
fn new_action(
    store: &Store,
    session: Id,
    text: String,
    who: Option<&str>,
    due: Option<chrono::NaiveDate>,
    lang: Lang,
) -> Result<NewAction> {
    let who = who.unwrap_or("").trim();
    let member = super::names::member_or_none(store, session, who, lang)?;
    let lead = store.session(session)?.lead;
    let is_lead = !who.is_empty() && lead.trim().to_lowercase() == who.to_lowercase();
    if member.is_none() && !who.is_empty() && !is_lead {
        // Not a guess gone wrong in silence: say the name is kept as typed.
        let message = tf(lang, "cli.who_from_outside", &[("name", who)]);
        let message = crate::text::clean(&message, true);
        eprintln!("{}", tf(lang, "cli.warning", &[("message", &message)]));
    }
    Ok(NewAction {
        text,
        who_participant: member,
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
        let mark = match (a.done, a.carried_to) {
            (true, _) => "[x]",
            (false, Some(_)) => "[→]",
            (false, None) => "[ ]",
        };
        let due = a.due.map(|d| short_date(lang, d)).unwrap_or_default();
        let line = format!(
            "{}  {mark}  {due:<10}  {}  {}{}",
            short_id(&a.id),
            who(store, *session, a)?,
            a.text,
            super::show_follow::origin(a) + &super::show_follow::destination(a)
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
            "status": status(a),
            "carried_from": a.carried_from.map(|f| f.to_string()),
            "carried_to": a.carried_to.map(|f| f.to_string()),
        }));
    }
    let json = crate::safe_json::to_string_pretty(&array)?;
    writeln!(out, "{}", json)?;
    Ok(())
}

/// `open`, `done`, or `carried` (over to a later session, where its copy
/// is followed up).
fn status(a: &Action) -> &'static str {
    match (a.done, a.carried_to) {
        (true, _) => "done",
        (false, Some(_)) => "carried",
        (false, None) => "open",
    }
}

/// A due date as typed: ISO always, or as the session's language writes
/// dates (the terminal screen takes the same); within the years a bundle
/// carries, so every stored date exports.
fn due_date(typed: &str, session: Lang, lang: Lang) -> Result<chrono::NaiveDate> {
    crate::i18n::parse_date(session, typed)
        .map(|d| d.format("%Y-%m-%d").to_string())
        .and_then(|iso| crate::model::parse_date(&iso))
        .ok_or_else(|| anyhow!(tf(lang, "cli.not_a_date", &[("value", typed)])))
}
