//! `atelier import [--dry-run]` output for merges, and `atelier conflicts`:
//! what each bundle did (or would do) to a session already here, and the
//! conflicts left for the organiser to settle.

use super::show::short_id;
use crate::bundle::{Planned, Step};
use crate::i18n::{t, tf};
use crate::model::merge::MergePlan;
use crate::model::{Id, Lang};
use crate::store::{Keep, MergeConflict, Store};
use anyhow::{bail, Result};
use std::io::Write;
use std::path::PathBuf;

/// `--keep mine|theirs`.
pub(super) fn parse_keep(lang: Lang, s: &str) -> Result<Keep, String> {
    match s.trim().to_lowercase().as_str() {
        "mine" | "moi" | "mien" | "ici" => Ok(Keep::Mine),
        "theirs" | "leur" | "eux" | "bundle" => Ok(Keep::Theirs),
        _ => Err(tf(lang, "merge.bad_keep", &[("value", s)])),
    }
}

/// `atelier import FILES…`: writes everything (unless `dry_run`) and
/// prints, per file, the new session's id or what the merge did.
pub(super) fn import(
    out: &mut impl Write,
    db: Option<&PathBuf>,
    files: &[PathBuf],
    dry_run: bool,
    lang: Lang,
) -> Result<()> {
    let catalog = crate::templates::Catalog::load(crate::paths::user_templates().as_deref());
    let mut store = if dry_run {
        super::commands::open_store_read_only(db)?
    } else {
        super::commands::open_store(db)?
    };
    let planned = crate::bundle::plan_files(&store, &catalog, files)?;
    if !dry_run {
        crate::bundle::write(&mut store, &planned)?;
    }
    let mut text = String::new();
    for p in &planned {
        text.push_str(&describe(p, dry_run, lang));
        if let Step::New(data) = &p.step {
            // Its conflicts came listed from the laptop it was merged on.
            warn_open_conflicts(data, crate::report::open_conflicts(data), lang);
        }
    }
    if dry_run {
        text.push_str(t(lang, "merge.dry_run_done"));
        text.push('\n');
    }
    write!(out, "{}", crate::text::clean(&text, true))?;
    Ok(())
}

fn describe(p: &Planned, dry_run: bool, lang: Lang) -> String {
    match &p.step {
        Step::New(data) if dry_run => {
            let n = data.contributions.len().to_string();
            let id = data.session.id.to_string();
            let args = [
                ("file", p.file.as_str()),
                ("title", &data.session.title),
                ("id", &id),
                ("n", &n),
            ];
            format!("{}\n", tf(lang, "merge.would_create", &args))
        }
        Step::New(data) => format!("{}\n", data.session.id),
        Step::Merge(plan) => merged(plan, &p.file, lang),
    }
}

fn merged(plan: &MergePlan, file: &str, lang: Lang) -> String {
    let id = plan.session.to_string();
    let head = [("file", file), ("title", plan.title.as_str()), ("id", &id)];
    if plan.is_empty() {
        return format!("{}\n", tf(lang, "merge.nothing_new", &head));
    }
    let count = |n: usize| n.to_string();
    let (added, edited) = (
        count(plan.added.contributions.len()),
        count(plan.edits.len()),
    );
    // Conflicts still open that the bundle carries (listed on the laptop
    // it comes from) are listed here too.
    let carried: Vec<_> = plan
        .carried
        .iter()
        .filter(|c| c.settled_at.is_none())
        .collect();
    let (deleted, conflicts) = (
        count(plan.deletions.len()),
        count(plan.conflicts.len() + carried.len()),
    );
    let others = count(plan.added.others());
    let mut args = head.to_vec();
    args.extend([
        ("added", added.as_str()),
        ("edited", &edited),
        ("deleted", &deleted),
        ("conflicts", &conflicts),
        ("others", &others),
    ]);
    let mut s = format!("{}\n", tf(lang, "merge.summary", &args));
    if plan.anonymise {
        s += &format!("  {}\n", t(lang, "merge.now_anonymous"));
    }
    if plan.synthesis.is_some() {
        s += &format!("  {}\n", t(lang, "merge.synthesis_taken"));
    }
    if !plan.not_merged.is_empty() {
        let parts: Vec<String> = plan
            .not_merged
            .iter()
            .map(|p| t(lang, p.key()).to_string())
            .collect();
        s += &format!(
            "  {}\n",
            tf(lang, "merge.not_merged", &[("parts", &parts.join(", "))])
        );
    }
    for c in &plan.conflicts {
        s += &conflict_lines(
            &plan.title,
            c.contribution,
            (&c.mine, &c.theirs),
            file,
            lang,
        );
    }
    for c in carried {
        s += &conflict_lines(
            &plan.title,
            c.contribution,
            (&c.mine, &c.theirs),
            &c.file,
            lang,
        );
    }
    s
}

/// One conflict: the session, the item, and both texts ("deleted" for a
/// side that deleted it).
fn conflict_lines(
    title: &str,
    item: Id,
    (mine, theirs): (&Option<String>, &Option<String>),
    file: &str,
    lang: Lang,
) -> String {
    // One line each: a newline in a text must not print lines of its own
    // (a forged conflict or id the organiser would then settle).
    let side = |text: &Option<String>| {
        let text = text.as_deref().unwrap_or(t(lang, "merge.deleted"));
        crate::text::clean(text, false)
    };
    let (title, file) = (
        crate::text::clean(title, false),
        crate::text::clean(file, false),
    );
    let (title, file) = (title.as_str(), file.as_str());
    let item = short_id(&item);
    format!(
        "  {}\n    {}\n    {}\n",
        tf(lang, "merge.conflict", &[("title", title), ("item", &item)]),
        tf(lang, "merge.mine", &[("text", &side(mine))]),
        tf(
            lang,
            "merge.theirs",
            &[("file", file), ("text", &side(theirs))]
        ),
    )
}

/// On stderr, before an export: how many merge conflicts are still open in
/// the session and the command that lists them (the report reads each of
/// those items once, with the text here; the bundle carries them). `n`
/// is counted by the caller: an archive's export reads no contributions
/// into `data`, so it asks the store.
pub(super) fn warn_open_conflicts(data: &crate::model::SessionData, n: usize, lang: Lang) {
    if n == 0 {
        return;
    }
    let args = [
        ("title", data.session.title.as_str()),
        ("n", &n.to_string()),
        ("session", &data.session.id.to_string()),
    ];
    let text = tf(lang, "merge.export_open_conflicts", &args);
    eprintln!("atelier: {}", crate::text::clean(&text, false));
}

/// `atelier conflicts [SESSION] [--all]`, or `--settle ID --keep mine|theirs`.
pub(super) fn conflicts(
    out: &mut impl Write,
    db: Option<&PathBuf>,
    session: Option<String>,
    all: bool,
    settle: Option<(String, Keep)>,
    lang: Lang,
) -> Result<()> {
    if let Some((reference, keep)) = settle {
        let mut store = super::commands::open_store(db)?;
        let conflict = find(&store, &reference, lang)?;
        let status = store.session(conflict.session)?.status;
        if !crate::model::lifecycle::accepts_writes(status) {
            bail!(t(lang, "command.closed"));
        }
        let moved = store.settle_conflict(conflict.id, keep)?;
        writeln!(out, "{}", t(lang, "merge.settled"))?;
        if moved > 0 {
            let n = moved.to_string();
            writeln!(
                out,
                "{}",
                tf(lang, "merge.settle_moved_sub_points", &[("n", &n)])
            )?;
        }
        return Ok(());
    }
    let store = super::commands::open_store_read_only(db)?;
    let session = match session {
        Some(s) => Some(store.resolve_session(&s)?),
        None => None,
    };
    let list = store.merge_conflicts(session, !all)?;
    if list.is_empty() {
        writeln!(out, "{}", t(lang, "merge.no_conflicts"))?;
        return Ok(());
    }
    let mut text = String::new();
    for c in &list {
        let state = if c.settled_at.is_some() {
            t(lang, "merge.state_settled")
        } else {
            ""
        };
        text += &format!("{} {}\n", short_id(&c.id), state);
        text += &conflict_lines(
            &c.session_title,
            c.contribution,
            (&c.mine, &c.theirs),
            &c.file,
            lang,
        );
    }
    text += t(lang, "merge.settle_hint");
    text.push('\n');
    write!(out, "{}", crate::text::clean(&text, true))?;
    Ok(())
}

/// The conflict an id (or its end, as listed) names, among the open ones.
fn find(store: &Store, reference: &str, lang: Lang) -> Result<MergeConflict> {
    let wanted = reference.trim().to_lowercase().replace('-', "");
    let found: Vec<MergeConflict> = store
        .merge_conflicts(None, true)?
        .into_iter()
        .filter(|c| !wanted.is_empty() && c.id.simple().to_string().ends_with(&wanted))
        .collect();
    match found.len() {
        1 => Ok(found.into_iter().next().expect("one")),
        0 => bail!(
            "{}",
            tf(lang, "merge.no_conflict_matches", &[("value", reference)])
        ),
        _ => bail!(
            "{}",
            tf(lang, "merge.several_conflicts", &[("value", reference)])
        ),
    }
}
