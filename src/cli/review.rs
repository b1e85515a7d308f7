//! `atelier review SESSION publish | feedback | apply | sign | list` and
//! `atelier diff SESSION V1 V2`: the report's review cycle, through the
//! same commands (and transactions) as the terminal screen. Ids accept the
//! short forms `atelier review list` prints.

use super::commands::{open_store, open_store_read_only};
use super::show::short_id;
use crate::commands::{apply, Command, CommandError, ReviewCommand};
use crate::i18n::{t, tf};
use crate::model::{format_time, Id, Lang, ReviewLog};
use crate::report::{as_published, review_diff, version_name, Format};
use crate::store::{NewFeedback, Store};
use anyhow::{anyhow, bail, Result};
use clap::Subcommand;
use std::io::Write;
use std::path::PathBuf;

/// The report sections a remark may be about (`--item synthesis`).
pub const SECTIONS: &[&str] = crate::model::REMARK_SECTIONS;

/// `atelier review SESSION …`
#[derive(Debug, Subcommand)]
pub enum CycleCommand {
    /// Record the report as it reads now as the next version (draft 1,
    /// draft 2, …); prints its number.
    Publish {
        /// What changed, or why this version.
        #[arg(long)]
        note: Option<String>,
        /// This version is the validated one.
        #[arg(long)]
        validated: bool,
    },
    /// Record a participant's remark on a version; prints its id.
    Feedback {
        /// The version's number.
        #[arg(long)]
        version: u32,
        /// Who said it: a name on the roster in full, or anyone's name
        /// (kept as typed).
        #[arg(long)]
        from: String,
        /// What it is about: a contribution id (or a unique part of one),
        /// or a section (question, synthesis, ideas, decisions, actions…).
        #[arg(long)]
        item: Option<String>,
        /// The remark.
        text: String,
    },
    /// Mark a remark applied (the report was changed as asked).
    Apply {
        /// A remark id, or a unique part of one.
        feedback: String,
    },
    /// Record that someone approved a version.
    Sign {
        #[arg(long)]
        version: u32,
        /// A name on the roster in full, or anyone's name (kept as typed:
        /// a start of a roster name signs for nobody on the roster).
        #[arg(long)]
        by: String,
    },
    /// List the versions with their remarks and sign-offs.
    List {
        /// Print a JSON object instead.
        #[arg(long)]
        json: bool,
    },
}

pub(super) fn run(
    out: &mut dyn Write,
    db: Option<&PathBuf>,
    session: &str,
    command: CycleCommand,
    lang: Lang,
) -> Result<()> {
    if let CycleCommand::List { json } = command {
        let store = open_store_read_only(db)?;
        let id = store.resolve_session(session)?;
        let data = store.load(id)?;
        let now = crate::model::content_hash(&crate::report::render(Format::Json, &data));
        let current = data.review.latest().is_some_and(|v| v.sha256 == now);
        return list(out, &data.review, current, json, lang);
    }
    let mut store = open_store(db)?;
    let id = store.resolve_session(session)?;
    let said = |e: CommandError| anyhow!(e.message(lang));
    let command = match command {
        CycleCommand::Publish { note, validated } => {
            let data = store.load(id)?;
            let report = as_published(&data, validated, store.clock().now());
            // Validating a draft that reads exactly so: say which.
            let sha256 = crate::model::content_hash(&report);
            let validates = (data.review.validates(&sha256))
                .filter(|_| validated)
                .map(|v| version_name(lang, v.number, v.validated));
            let publish = ReviewCommand::Publish {
                note: note.unwrap_or_default(),
                validated,
                report,
            };
            let outcome = apply(&mut store, id, &Command::Review(publish)).map_err(said)?;
            let made = ReviewCommand::published(&outcome.inverse);
            let log = outcome.changes.delta.review.unwrap_or_default();
            if let Some(v) = made.and_then(|v| log.version_by_id(v)) {
                writeln!(out, "{}", v.number)?;
            }
            if let Some(draft) = validates {
                eprintln!("{}", tf(lang, "cycle.validates", &[("version", &draft)]));
            }
            return Ok(());
        }
        CycleCommand::Feedback {
            version,
            from,
            item,
            text,
        } => {
            let version = version_id(&store, id, version)?;
            let (participant_id, from) = super::names::member_and_name(&store, id, &from)?;
            let (contribution_id, section) = match item.as_deref().map(str::trim) {
                None => (None, String::new()),
                Some(s) if SECTIONS.contains(&s) => (None, s.to_string()),
                Some(s) if section_named(s, lang).is_some() => {
                    (None, section_named(s, lang).unwrap_or_default().to_string())
                }
                Some(r) => match store.resolve_contribution(id, r) {
                    Ok(c) => (Some(c), String::new()),
                    // Two sentences, each ended (the CLI prints errors on
                    // one line).
                    Err(e) => bail!(
                        "{}. {}",
                        e.message(lang).trim_end().trim_end_matches('.'),
                        tf(
                            lang,
                            "cycle.item_sections",
                            &[("keys", &SECTIONS.join(", "))]
                        )
                    ),
                },
            };
            ReviewCommand::AddFeedback(NewFeedback {
                version,
                participant_id,
                name: from,
                contribution_id,
                section,
                text,
            })
        }
        CycleCommand::Apply { feedback } => ReviewCommand::SetApplied {
            id: store.resolve_feedback(id, &feedback)?,
            applied: true,
        },
        CycleCommand::Sign { version, by } => {
            let (participant, name) = super::names::member_and_name(&store, id, &by)?;
            ReviewCommand::SignOff {
                version: version_id(&store, id, version)?,
                participant,
                name,
            }
        }
        CycleCommand::List { .. } => unreachable!("listed above"),
    };
    let outcome = apply(&mut store, id, &Command::Review(command)).map_err(said)?;
    if let Some(made) = ReviewCommand::added(&outcome.inverse) {
        writeln!(out, "{made}")?;
    }
    Ok(())
}

/// The section key whose heading is `text` in `lang` or in the session's
/// other language ("Synthèse" for `synthesis`), capitals aside.
fn section_named(text: &str, lang: Lang) -> Option<&'static str> {
    let text = text.to_lowercase();
    SECTIONS.iter().copied().find(|key| {
        [lang, Lang::Fr, Lang::En]
            .iter()
            .any(|l| crate::report::section_label(*l, key).to_lowercase() == text)
    })
}

/// The id of standing version `number`.
fn version_id(store: &Store, session: Id, number: u32) -> Result<Id> {
    Ok(store.review(session)?.version(number).map(|v| v.id).ok_or(
        crate::store::StoreError::NotFound(crate::store::Missing::ReportVersion(number)),
    )?)
}

/// The versions, their remarks and sign-offs; `current`: the report as it
/// reads now says what the latest version says (its review section aside).
fn list(out: &mut dyn Write, log: &ReviewLog, current: bool, json: bool, lang: Lang) -> Result<()> {
    if json {
        let mut doc = list_json(log);
        doc["latest_is_current"] = current.into();
        let text = crate::safe_json::to_string_pretty(&doc)?;
        writeln!(out, "{}", text)?;
        return Ok(());
    }
    if log.latest().is_none() {
        writeln!(out, "{}", t(lang, "cycle.no_versions"))?;
    }
    let mut lines = Vec::new();
    for v in log.standing() {
        let mut line = format!(
            "{}  {}  sha256:{}",
            version_name(lang, v.number, v.validated),
            crate::report::local_time(lang, &v.published_at),
            &v.sha256[..12.min(v.sha256.len())]
        );
        if !v.note.is_empty() {
            line.push_str(&format!("  {}", v.note));
        }
        lines.push(line);
        for f in log.remarks().filter(|f| f.version == v.id) {
            let mark = if f.applied_at.is_some() { "✓" } else { "☐" };
            let about = if f.section.is_empty() {
                f.contribution_id.map(|c| short_id(&c)).unwrap_or_default()
            } else {
                crate::report::section_label(lang, &f.section)
            };
            let about = if about.is_empty() {
                String::new()
            } else {
                format!(" [{about}]")
            };
            lines.push(format!(
                "  {mark} {} {}{about}: {}",
                short_id(&f.id),
                f.name,
                f.text
            ));
        }
        for s in log.approvals().filter(|s| s.version == v.id) {
            let date = crate::report::sign_off_date(lang, s);
            let args = [("name", s.name.as_str()), ("date", &date)];
            lines.push(tf(lang, "cycle.signed_by", &args));
        }
    }
    if let Some(v) = log.latest() {
        let key = if current {
            "cycle.latest_is_current"
        } else {
            "cycle.changed_since"
        };
        let version = version_name(lang, v.number, v.validated);
        lines.push(tf(lang, key, &[("version", &version)]));
    }
    for line in lines {
        let line = line.replace(['\n', '\r'], " ");
        writeln!(out, "{}", crate::text::clean(&line, false))?;
    }
    Ok(())
}

fn list_json(log: &ReviewLog) -> serde_json::Value {
    let versions: Vec<serde_json::Value> = log
        .standing()
        .map(|v| {
            let feedback: Vec<_> = log
                .remarks()
                .filter(|f| f.version == v.id)
                .map(|f| {
                    serde_json::json!({
                        "id": f.id.to_string(),
                        "from": f.name,
                        "participant_id": f.participant_id.map(|p| p.to_string()),
                        "contribution_id": f.contribution_id.map(|c| c.to_string()),
                        "section": f.section,
                        "text": f.text,
                        "at": format_time(&f.at),
                        "applied": f.applied_at.is_some(),
                        "applied_at": f.applied_at.as_ref().map(format_time),
                    })
                })
                .collect();
            let sign_offs: Vec<_> = log
                .approvals()
                .filter(|s| s.version == v.id)
                .map(|s| {
                    serde_json::json!({
                        "id": s.id.to_string(),
                        "by": s.name,
                        "at": format_time(&s.at),
                    })
                })
                .collect();
            serde_json::json!({
                "number": v.number,
                "validated": v.validated,
                "note": v.note,
                "published_at": format_time(&v.published_at),
                "sha256": v.sha256,
                "feedback": feedback,
                "sign_offs": sign_offs,
            })
        })
        .collect();
    serde_json::json!({ "versions": versions })
}

/// `atelier diff SESSION V1 V2`: what changed between two versions.
pub(super) fn diff(
    out: &mut dyn Write,
    db: Option<&PathBuf>,
    session: &str,
    (from, to): (u32, u32),
    json: bool,
    lang: Lang,
) -> Result<()> {
    let store = open_store_read_only(db)?;
    let id = store.resolve_session(session)?;
    let log = store.review(id)?;
    let name = |n: u32| -> Result<String> {
        match log.version(n) {
            Some(v) => Ok(version_name(lang, v.number, v.validated)),
            None => bail!("{}", crate::store::Missing::ReportVersion(n).message(lang)),
        }
    };
    // `diff 2 1` compares 1 with 2, as a reader expects, and says so.
    let (from, to, swapped) = review_diff::in_order(from, to);
    let heading = format!("{} → {}", name(from)?, name(to)?);
    if swapped {
        let args = [("from", name(from)?), ("to", name(to)?)];
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        eprintln!("{}", tf(lang, "cycle.diff_swapped", &args));
    }
    let (old, new) = (
        store.version_report(id, from)?,
        store.version_report(id, to)?,
    );
    let mut d = review_diff::diff(from, &old, to, &new).map_err(|e| {
        anyhow!(
            "{}",
            tf(lang, "cycle.diff_unreadable", &[("error", &e.to_string())])
        )
    })?;
    d.swapped = swapped;
    if json {
        let text = crate::safe_json::to_string_pretty(&d)?;
        writeln!(out, "{}", text)?;
        return Ok(());
    }
    writeln!(out, "{heading}")?;
    for line in review_diff::lines(&d, lang) {
        writeln!(out, "{}", crate::text::clean(&line, false))?;
    }
    Ok(())
}
