//! `atelier theme add | put | out | list | rename | merge`: grouping a
//! session's contributions into named themes, through the same commands
//! (and transactions) as the terminal screen. Ids accept the short forms
//! `atelier show` prints.

use super::commands::{open_store, open_store_read_only};
use super::show::{one_line, short_id};
use crate::commands::{apply, Command};
use crate::i18n::t;
use crate::model::{Id, Lang, SessionData};
use crate::store::Store;
use anyhow::{anyhow, Result};
use clap::Subcommand;
use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;

/// `atelier theme …`
#[derive(Debug, Subcommand)]
pub enum ThemeCommand {
    /// Create a theme in a session; prints its id.
    Add {
        /// An id, a unique id prefix, or `latest`.
        session: String,
        /// The theme's name.
        name: String,
    },
    /// Put contributions into a theme (out of any other); prints the
    /// theme's id.
    Put {
        /// A theme id, or a unique part of one (`atelier show` and
        /// `atelier theme list` print the last eight characters).
        theme: String,
        /// Contribution ids of the theme's session, or unique parts of them.
        #[arg(required = true)]
        ids: Vec<String>,
    },
    /// Take contributions out of their theme (back to unsorted).
    Out {
        /// Contribution ids, or unique parts of them.
        #[arg(required = true)]
        ids: Vec<String>,
    },
    /// List a session's themes: id (last eight characters), name, count.
    List {
        /// An id, a unique id prefix, or `latest`.
        session: String,
        /// Print a JSON array, one object per theme with its item ids.
        #[arg(long)]
        json: bool,
    },
    /// Rename a theme.
    Rename {
        /// A theme id, or a unique part of one.
        theme: String,
        /// The new name.
        name: String,
    },
    /// Merge a theme into another: its items go to the end of INTO, and
    /// FROM is taken back.
    Merge {
        /// The theme that goes (an id or a unique part of one).
        from: String,
        /// The theme that takes its items.
        into: String,
    },
}

pub(super) fn run(
    out: &mut dyn Write,
    db: Option<&PathBuf>,
    command: ThemeCommand,
    lang: Lang,
) -> Result<()> {
    let said = |e: crate::commands::CommandError| anyhow!(e.message(lang));
    match command {
        ThemeCommand::Add { session, name } => {
            let mut store = open_store(db)?;
            let session = store.resolve_session(&session)?;
            let outcome = apply(&mut store, session, &Command::AddTheme { name }).map_err(said)?;
            // The inverse names the theme just made.
            if let Command::RemoveTheme { id } = outcome.inverse {
                writeln!(out, "{id}")?;
            }
        }
        ThemeCommand::Put { theme, ids } => {
            let mut store = open_store(db)?;
            let (session, theme) = store.resolve_theme(&theme)?;
            let items = ids
                .iter()
                .map(|r| store.resolve_contribution(session, r))
                .collect::<Result<Vec<_>, _>>()?;
            let command = Command::PutInTheme {
                items,
                theme: Some(theme),
            };
            apply(&mut store, session, &command).map_err(said)?;
            writeln!(out, "{theme}")?;
        }
        ThemeCommand::Out { ids } => {
            let mut store = open_store(db)?;
            let found = ids
                .iter()
                .map(|r| store.resolve_any_contribution(r))
                .collect::<Result<Vec<_>, _>>()?;
            // One command per session (ids usually all name one).
            let mut sessions: Vec<Id> = found.iter().map(|(s, _)| *s).collect();
            sessions.sort();
            sessions.dedup();
            for session in sessions {
                let items = found
                    .iter()
                    .filter(|(s, _)| *s == session)
                    .map(|(_, c)| *c)
                    .collect();
                let command = Command::PutInTheme { items, theme: None };
                apply(&mut store, session, &command).map_err(said)?;
            }
        }
        ThemeCommand::List { session, json } => {
            let store = open_store_read_only(db)?;
            let session = store.resolve_session(&session)?;
            list(out, &store, session, json)?;
        }
        ThemeCommand::Rename { theme, name } => {
            let mut store = open_store(db)?;
            let (session, id) = store.resolve_theme(&theme)?;
            apply(&mut store, session, &Command::RenameTheme { id, name }).map_err(said)?;
            writeln!(out, "{id}")?;
        }
        ThemeCommand::Merge { from, into } => {
            let mut store = open_store(db)?;
            let (session, from) = store.resolve_theme(&from)?;
            let (_, into) = store.resolve_theme(&into)?;
            apply(&mut store, session, &Command::MergeThemes { from, into }).map_err(said)?;
            writeln!(out, "{into}")?;
        }
    }
    Ok(())
}

fn list(out: &mut dyn Write, store: &Store, session: Id, json: bool) -> Result<()> {
    let themes: Vec<_> = store
        .themes(session)?
        .into_iter()
        .filter(|t| t.is_listed())
        .collect();
    if json {
        let array: Vec<_> = themes
            .iter()
            .map(|t| {
                serde_json::json!({
                    "id": t.id.to_string(),
                    "name": t.name,
                    "items": t.items.iter().map(Id::to_string).collect::<Vec<_>>(),
                })
            })
            .collect();
        let json = crate::safe_json::to_string_pretty(&array)?;
        writeln!(out, "{}", json)?;
        return Ok(());
    }
    for t in &themes {
        let line = format!(
            "{}  {}  ({})",
            short_id(&t.id),
            one_line(&t.name),
            t.items.len()
        );
        writeln!(out, "{}", crate::text::clean(&line, false))?;
    }
    Ok(())
}

/// What `atelier show` prints of the themes: each listed theme with its
/// items that are still in the lists (short id, kind, text).
pub(super) fn summary(out: &mut String, data: &SessionData, lang: Lang) {
    let index = data.index();
    let mut heading = false;
    for theme in data.listed_themes() {
        if !heading {
            let _ = writeln!(out, "\n{}", t(lang, "cli.themes_heading"));
            heading = true;
        }
        let items: Vec<_> = theme
            .items
            .iter()
            .filter_map(|id| index.get(id).map(|&i| &data.contributions[i]))
            .filter(|c| c.is_live())
            .collect();
        let _ = writeln!(
            out,
            "  {}  {} ({})",
            short_id(&theme.id),
            one_line(&theme.name),
            items.len()
        );
        for c in items {
            let _ = writeln!(
                out,
                "      {}  {:<11} {}",
                short_id(&c.id),
                c.kind.label(lang),
                one_line(&c.text)
            );
        }
    }
}
