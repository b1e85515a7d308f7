use super::{Cli, Command};
use crate::commands;
use crate::i18n::{system_lang, t, tf};
use crate::model::{Id, Kind, Lang, Session};
use crate::paths;
use crate::report::{self, Format};
use crate::store::{NewContribution, NewSession, Store};
use crate::templates::{Catalog, Origin};
use anyhow::{anyhow, bail, Context, Result};
use std::io::Write;
use std::path::PathBuf;

/// Opens the database named by `--db`/`ATELIER_DB`, or the default one.
pub fn open_store(db: Option<&PathBuf>) -> Result<Store> {
    let path = db.cloned().unwrap_or_else(paths::default_db);
    Ok(Store::open(&path)?)
}

/// The same database for a command that only reads: it never writes to
/// the file, so it works on a full disk, a read-only medium or beside
/// another program's write.
pub(super) fn open_store_read_only(db: Option<&PathBuf>) -> Result<Store> {
    let path = db.cloned().unwrap_or_else(paths::default_db);
    Ok(Store::open_read_only(&path)?)
}

fn catalog() -> Catalog {
    Catalog::load(paths::user_templates().as_deref())
}

/// Runs a subcommand. `None` (no subcommand) is the terminal UI, which the
/// binary dispatches itself.
pub fn run(cli: Cli) -> Result<()> {
    let lang = cli.lang.unwrap_or_else(system_lang);
    dispatch(cli, lang).map_err(|e| super::localized(e, lang))
}

fn dispatch(cli: Cli, lang: Lang) -> Result<()> {
    let Some(command) = cli.command else {
        bail!("{}", t(lang, "cli.no_subcommand"));
    };
    let out = &mut std::io::stdout().lock();
    match command {
        Command::Templates => templates(out, lang),
        Command::New {
            title,
            question,
            event,
            lead,
            context,
            participants,
            template,
            date,
            next,
        } => {
            if let Some(previous) = next {
                let date = date.unwrap_or_else(|| chrono::Local::now().date_naive());
                let mut store = open_store(cli.db.as_ref())?;
                let previous = store.resolve_session(&previous)?;
                let id = store.next_session(previous, date, title.as_deref())?;
                writeln!(out, "{id}")?;
                return Ok(());
            }
            let catalog = catalog();
            let template = catalog.get(&template).ok_or_else(|| {
                let known = catalog.keys();
                anyhow!(
                    "{}",
                    tf(
                        lang,
                        "cli.unknown_template",
                        &[("template", &template), ("known", &known)]
                    )
                )
            })?;
            let mut store = open_store(cli.db.as_ref())?;
            let new = NewSession {
                title: title.unwrap_or_default(),
                event,
                date: date.unwrap_or_else(|| chrono::Local::now().date_naive()),
                language: lang,
                question: question.unwrap_or_default(),
                context,
                lead,
                participants,
            };
            let id = store.create_session(&new, template)?;
            writeln!(out, "{id}")?;
            Ok(())
        }
        Command::List { json, all } => {
            let store = open_store_read_only(cli.db.as_ref())?;
            list(out, &store, json, all, lang)
        }
        Command::Show { session } => {
            let store = open_store_read_only(cli.db.as_ref())?;
            let id = store.resolve_session(&session)?;
            let data = store.load(id)?;
            write!(out, "{}", super::show::summary(&data, &catalog(), lang))?;
            Ok(())
        }
        Command::Add {
            session,
            stage,
            participant,
            kind,
            parent,
            text,
            group,
            anonymous,
        } => {
            let mut store = open_store(cli.db.as_ref())?;
            let id = store.resolve_session(&session)?;
            // One row and small indexed look-ups: never the whole session.
            let session = store.session(id)?;
            let new = contribution(
                &store,
                &session,
                &catalog(),
                lang,
                &stage,
                participant,
                kind,
                parent,
                text,
            )?;
            let new = NewContribution {
                group,
                anonymous,
                ..new
            };
            let outcome = commands::apply(&mut store, id, &commands::Command::Record(new))
                .map_err(|e| anyhow!(e.message(lang)))?;
            if let Some(c) = outcome.changes.delta.contributions.first() {
                writeln!(out, "{}", c.id)?;
            }
            Ok(())
        }
        Command::Reopen { session } => super::reopen::reopen(out, cli.db.as_ref(), &session, lang),
        Command::Park { id } => super::follow::park(out, cli.db.as_ref(), &id, lang),
        Command::Unpark { id, stage } => {
            super::follow::unpark(out, cli.db.as_ref(), &id, stage.as_deref(), lang)
        }
        Command::Decide { session, text } => {
            super::follow::decide(out, cli.db.as_ref(), &session, &text, lang)
        }
        Command::Link { from, to, session } if super::sources::names_proposal(&from) => {
            let session = session.as_deref();
            super::sources::link(out, cli.db.as_ref(), session, &to, true, lang)
        }
        Command::Unlink { from, to, session } if super::sources::names_proposal(&from) => {
            let session = session.as_deref();
            super::sources::link(out, cli.db.as_ref(), session, &to, false, lang)
        }
        Command::Link {
            session: Some(_), ..
        }
        | Command::Unlink {
            session: Some(_), ..
        } => bail!("{}", t(lang, "finish8.cli_session_only_for_proposal")),
        Command::Link { from, to, .. } => {
            super::links::link(out, cli.db.as_ref(), &from, &to, lang)
        }
        Command::Unlink { from, to, .. } => super::links::unlink(cli.db.as_ref(), &from, &to, lang),
        Command::Trace { id } => super::links::trace(out, cli.db.as_ref(), &id, lang),
        Command::Action { command } => super::actions::run(out, cli.db.as_ref(), command, lang),
        Command::Theme { command } => super::themes::run(out, cli.db.as_ref(), command, lang),
        Command::Vote {
            session,
            participant,
            tally,
            dots,
            items,
        } => {
            let args = super::votes::VoteArgs {
                session,
                participant,
                tally,
                dots,
                items,
            };
            super::votes::vote(out, cli.db.as_ref(), args, lang)
        }
        Command::Votes { session, json } => {
            super::votes::ranking(out, cli.db.as_ref(), &session, json, lang)
        }
        Command::Import { files, dry_run } => {
            super::merge::import(out, cli.db.as_ref(), &files, dry_run, lang)
        }
        Command::Conflicts {
            session,
            all,
            settle,
            keep,
        } => {
            let settle = settle.zip(keep);
            super::merge::conflicts(out, cli.db.as_ref(), session, all, settle, lang)
        }
        Command::Export {
            session,
            format,
            out: target,
            order,
            person_stats,
            anonymise,
            table,
        } => {
            if table.is_some() && format != Format::Csv {
                bail!("{}", t(lang, "csv_tables.table_not_csv"));
            }
            let mut options = report::Options {
                anonymise,
                table: table.unwrap_or_default(),
                ..Default::default()
            };
            if report::check_variant(format, options).is_err() {
                // Every report format has an anonymised variant.
                let formats = Format::list(&Format::REPORTS, lang);
                let key = "finish8.bundle_not_anonymised";
                bail!("{}", tf(lang, key, &[("formats", &formats)]));
            }
            let store = open_store_read_only(cli.db.as_ref())?;
            let id = store.resolve_session(&session)?;
            // The archive's contributions are read as they are written.
            let data = match format {
                Format::Bundle => store.load_without_contributions(id)?,
                _ => store.load(id)?,
            };
            // A report may read otherwise than the session's choice (the
            // archive is what is stored, whatever the flags say).
            let choices = data.session.report;
            options.choices = Some(super::report_choices::with_overrides(
                choices,
                order,
                person_stats,
            ));
            let open = store.conflict_copies(id)?.len();
            super::merge::warn_open_conflicts(&data, open, lang);
            // The archive bears no version name; a report is named by the
            // version it reads as, looked for once.
            let current = match format {
                Format::Bundle => None,
                _ => report::current_version(&data),
            };
            say_unpublished_changes(&data, current.is_some(), format, lang);
            let write = |out: &mut dyn Write| match format {
                Format::Bundle => crate::bundle::write_json_from(
                    &data,
                    &|stage, each| {
                        store
                            .each_contribution(id, stage, each)
                            .map_err(std::io::Error::other)
                    },
                    out,
                ),
                _ => report::write_with(format, &data, options, out),
            };
            let name = report::file_name_for(&data, format, options, current);
            export(out, format, &name, &write, target, store.path(), lang)
        }
        Command::Review { session, command } => {
            super::review::run(out, cli.db.as_ref(), &session, command, lang)
        }
        Command::Diff {
            session,
            v1,
            v2,
            json,
        } => super::review::diff(out, cli.db.as_ref(), &session, (v1, v2), json, lang),
        Command::ImportNotes {
            file,
            dry_run,
            event,
            date,
        } => {
            let db = cli.db.as_ref();
            super::import_notes::run(out, db, &file, dry_run, (&event, date), cli.lang, lang)
        }
        Command::Search {
            words,
            kind,
            event,
            session,
            json,
        } => {
            let args = super::search::SearchArgs {
                words,
                kind,
                event,
                session,
                json,
            };
            super::search::search(out, cli.db.as_ref(), args, lang)
        }
        Command::Inbox {
            session,
            all,
            json,
            command,
        } => super::inbox::run(out, cli.db.as_ref(), (&session, all, json), command, lang),
        Command::RoomSettings {
            session,
            accept_all,
            show_items,
        } => super::inbox::settings(
            out,
            cli.db.as_ref(),
            &session,
            (accept_all, show_items),
            lang,
        ),
        Command::Room {
            session,
            port,
            code,
            accept_all,
            bind,
        } => {
            let options = crate::room::RoomOptions {
                bind,
                port,
                code,
                ..Default::default()
            };
            super::room::run(out, cli.db.as_ref(), &session, options, accept_all, lang)
        }
        Command::Present { session } => super::present::run(cli.db.as_ref(), &session),
        Command::Event { command } => super::events::run(out, cli.db.as_ref(), command, lang),
    }
}

fn templates(out: &mut impl Write, lang: Lang) -> Result<()> {
    let catalog = catalog();
    for entry in &catalog.entries {
        let t = &entry.template;
        let origin = match &entry.origin {
            Origin::BuiltIn => crate::i18n::t(lang, "cli.built_in").to_string(),
            Origin::User(p) => p.display().to_string(),
        };
        let stages: Vec<&str> = t.stages.iter().map(|s| s.title.get(lang)).collect();
        // User templates are files from anywhere: clean what they say.
        let name = format!("{:<18} {} ({origin})", t.key, t.name.get(lang));
        writeln!(out, "{}", crate::text::clean(&name, false))?;
        let stages = format!("{:<18} {}", "", stages.join(" → "));
        writeln!(out, "{}", crate::text::clean(&stages, false))?;
    }
    for e in &catalog.errors {
        let message = crate::text::clean(&e.to_string(), true);
        eprintln!("{}", tf(lang, "cli.warning", &[("message", &message)]));
    }
    Ok(())
}

fn list(out: &mut impl Write, store: &Store, json: bool, all: bool, lang: Lang) -> Result<()> {
    let sessions = store.list_sessions(all)?;
    if json {
        let array: Vec<serde_json::Value> = sessions
            .iter()
            .map(|s| {
                serde_json::json!({
                    "id": s.id.to_string(),
                    "title": s.title,
                    "event": s.event,
                    "date": s.date.format("%Y-%m-%d").to_string(),
                    "status": s.status.key(),
                    "language": s.language.code(),
                    "participants": s.participants,
                    "contributions": s.contributions,
                    "archived": s.archived,
                })
            })
            .collect();
        let json = crate::safe_json::to_string_pretty(&array)?;
        writeln!(out, "{}", json)?;
        return Ok(());
    }
    if sessions.is_empty() {
        writeln!(out, "{}", crate::i18n::t(lang, "cli.no_sessions"))?;
        return Ok(());
    }
    for s in sessions {
        let status = crate::i18n::t(lang, &format!("report.status.{}", s.status.key()));
        let line = format!(
            "{}  {}  {:<9}  {:>2} {}  {:>4} {}  {}{}",
            s.id,
            s.date.format("%Y-%m-%d"),
            status,
            s.participants,
            crate::i18n::t(lang, "cli.people"),
            s.contributions,
            crate::i18n::t(lang, "cli.inputs"),
            s.title,
            if s.archived {
                format!(" [{}]", t(lang, "home.archived_tag"))
            } else {
                String::new()
            }
        );
        writeln!(out, "{}", crate::text::clean(&line, false))?;
    }
    Ok(())
}

/// The stage of `session` with this key, or an error listing the keys.
pub(super) fn stage_by_key(
    store: &Store,
    session: Id,
    key: &str,
    lang: Lang,
) -> Result<crate::model::Stage> {
    if let Some(st) = store.stage_by_key(session, key)? {
        return Ok(st);
    }
    let stages = store.stages(session)?;
    let keys: Vec<&str> = stages.iter().map(|s| s.key.as_str()).collect();
    let known = keys.join(", ");
    bail!(
        "{}",
        tf(
            lang,
            "cli.unknown_stage",
            &[("stage", key), ("known", &known)]
        )
    );
}

#[allow(clippy::too_many_arguments)]
fn contribution(
    store: &Store,
    session: &Session,
    catalog: &Catalog,
    lang: Lang,
    stage: &str,
    participant: Option<String>,
    kind: Option<String>,
    parent: Option<String>,
    text: String,
) -> Result<NewContribution> {
    let st = stage_by_key(store, session.id, stage, lang)?;
    let participant_id = match participant {
        None => None,
        Some(name) => Some(super::names::member(store, session.id, &name, lang)?),
    };
    let kind = match kind {
        Some(k) => Kind::parse(&k).ok_or_else(|| {
            let known = Kind::keys();
            anyhow!(
                "{}",
                tf(lang, "cli.unknown_kind", &[("kind", &k), ("known", &known)])
            )
        })?,
        None => catalog
            .get(&session.template)
            .and_then(|t| t.stage(&st.key))
            .and_then(|s| s.kinds.first().copied())
            .unwrap_or(Kind::Observation),
    };
    let parent_id = match parent {
        None => None,
        Some(p) => Some(store.resolve_contribution(session.id, &p)?),
    };
    Ok(NewContribution {
        stage_id: st.id,
        participant_id,
        kind,
        text,
        parent_id,
        group: None,
        anonymous: false,
        origin: crate::model::Origin::Facilitator,
    })
}

/// An export made harmless for a terminal: JSON already is (its controls
/// are `\uXXXX` escapes, `safe_json`), the text formats lose their
/// controls.
pub(super) fn for_terminal(format: Format, text: &str) -> String {
    match format {
        Format::Json | Format::Bundle => text.to_string(),
        _ => crate::text::clean(text, true),
    }
}

/// Refused for a terminal: a binary format (ODT, PDF), whose bytes are
/// not text. The one rule for session and event reports.
pub(super) fn refuse_binary_on_terminal(format: Format, lang: Lang) -> Result<()> {
    if format.is_binary() {
        let name = format.name().to_uppercase();
        bail!(
            "{}",
            tf(lang, "odt.binary_on_terminal", &[("format", &name)])
        );
    }
    Ok(())
}

/// A report changed since its latest version bears no version name: the
/// facilitator is told on stderr, participants never read it.
fn say_unpublished_changes(
    data: &crate::model::SessionData,
    reads_as_a_version: bool,
    format: Format,
    lang: Lang,
) {
    let Some(latest) = data.review.latest() else {
        return;
    };
    if format != Format::Bundle && !reads_as_a_version {
        let version = report::version_name(lang, latest.number, latest.validated);
        eprintln!(
            "{}",
            tf(lang, "cycle.changed_since", &[("version", &version)])
        );
    }
}

/// Writes `format` with `write` to the terminal, a pipe, or a file named
/// `name` in `target` (or `target` itself).
fn export(
    out: &mut impl Write,
    format: Format,
    name: &str,
    write: &dyn Fn(&mut dyn Write) -> std::io::Result<()>,
    target: Option<PathBuf>,
    db: &std::path::Path,
    lang: Lang,
) -> Result<()> {
    let Some(target) = target else {
        // Shown on a terminal, the export must not act on it; piped to a
        // file or a program, it streams byte for byte what was asked for.
        if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
            refuse_binary_on_terminal(format, lang)?;
            let mut text = Vec::new();
            write(&mut text)?;
            // Every format left is text; a stray byte shows as U+FFFD
            // rather than stopping the export.
            let text = String::from_utf8_lossy(&text);
            out.write_all(for_terminal(format, &text).as_bytes())?;
        } else {
            let mut buffered = std::io::BufWriter::new(out);
            write(&mut buffered)?;
            buffered.flush()?;
        }
        say_missing_glyphs(lang);
        return Ok(());
    };
    let path = paths::export_target(&target, name).with_context(|| {
        let target = target.display().to_string();
        tf(lang, "cli.cannot_write_into", &[("path", &target)])
    })?;
    let shown = path.display().to_string();
    if paths::is_database_file(&path, db) {
        bail!("{}", tf(lang, "cli.is_the_database", &[("path", &shown)]));
    }
    paths::write_atomically_with(&path, write)
        .with_context(|| tf(lang, "cli.cannot_write", &[("path", &shown)]))?;
    writeln!(
        out,
        "{}",
        crate::text::clean(&path.display().to_string(), false)
    )?;
    say_missing_glyphs(lang);
    Ok(())
}

/// Once, on stderr: the characters a PDF printed as boxes, no font on this
/// computer having them.
pub(super) fn say_missing_glyphs(lang: Lang) {
    let missing = report::pdf_missing_glyphs();
    if missing.is_empty() {
        return;
    }
    let chars: Vec<String> = missing
        .iter()
        .map(|c| {
            format!(
                "{} (U+{:04X})",
                crate::text::clean(&c.to_string(), false),
                *c as u32
            )
        })
        .collect();
    let chars = chars.join(", ");
    eprintln!(
        "atelier: {}",
        tf(lang, "report_finish.pdf_missing", &[("chars", &chars)])
    );
}
