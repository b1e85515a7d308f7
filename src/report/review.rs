//! The report's review section: which version of the report this is, who
//! approved it and which of the participants' remarks were applied. One
//! self-contained view (`ReviewView`) with its own Markdown writer and HTML
//! template (`assets/report/review.html`); each format calls it from one
//! line, so the report's sections can be reordered around it.
//!
//! Anonymity: in an anonymous session no name is shown, neither beside a
//! remark nor as a sign-off (sign-offs are counted).

use super::markdown::inline;
use crate::i18n::{long_date, t, tf};
use crate::model::{Lang, SessionData, SignOff};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Debug, Clone, Serialize)]
pub struct ReviewView {
    pub heading: String,
    /// "Validated version 3 — 29 November 2026", "Draft 2 — …".
    pub version: String,
    pub number: u32,
    pub validated: bool,
    /// `2026-11-29`, for data formats.
    pub iso_date: String,
    pub sign_offs_heading: String,
    /// "Ana Diallo (draft 2, 12 June 2026)": the sign-offs of this
    /// version's content (`ReviewLog::approvals_of`), none when the report
    /// no longer reads as it; in an anonymous session, one line per
    /// version: "3 people (draft 2)", under "Approved by".
    pub sign_offs: Vec<String>,
    pub applied_heading: String,
    pub applied: Vec<AppliedView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AppliedView {
    pub text: String,
    /// Who asked; `None` in an anonymous session.
    pub from: Option<String>,
    /// The version it was made on ("draft 1").
    pub on: String,
}

/// The heading of a report section a remark is about
/// (`model::REMARK_SECTIONS`: `synthesis` → "Synthèse"), in `lang`.
pub fn section_label(lang: Lang, key: &str) -> String {
    let text = match key {
        "themes" => t(lang, "report.themes_heading"),
        "votes" => t(lang, "votes.report_heading"),
        _ => t(lang, &format!("report.{key}")),
    };
    text.to_string()
}

/// "draft 2" / "validated version 3" in the session's language.
pub fn version_name(lang: Lang, number: u32, validated: bool) -> String {
    let key = if validated {
        "cycle.validated_n"
    } else {
        "cycle.draft_n"
    };
    tf(lang, key, &[("n", &number.to_string())])
}

/// "Draft 2" / "Validated version 3": the name at the start of a line.
pub fn version_title(lang: Lang, number: u32, validated: bool) -> String {
    let name = version_name(lang, number, validated);
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The section for the session's latest standing version; `None` before
/// any version is published, and when the report no longer reads as it. `anonymous` is the report's one rule
/// (`view::Names`): no name beside a remark, sign-offs only counted. When
/// the report no longer reads as that version, the section says so rather
/// than give it the version's name. `current` gives the content hash of
/// the report as it reads now (see [`content_hash`]); it is called only
/// when a version exists.
pub(super) fn build(
    data: &SessionData,
    anonymous: bool,
    current: impl FnOnce() -> String,
) -> Option<ReviewView> {
    let log = &data.review;
    let lang = data.session.language;
    let latest = log.latest()?;
    let local = latest
        .published_at
        .with_timezone(&chrono::Local)
        .date_naive();
    let name = version_title(lang, latest.number, latest.validated);
    // A report changed since its latest version is no version: it bears
    // no version name (the facilitator sees the state in the terminal and
    // on stderr), and no one approved it yet.
    if current() != latest.sha256 {
        return None;
    }
    let on = |version| {
        log.version_by_id(version)
            .map(|v| version_name(lang, v.number, v.validated))
            .unwrap_or_default()
    };
    let approvals = log.approvals_of(latest);
    let names = super::Names::for_report(data, anonymous);
    Some(ReviewView {
        heading: t(lang, "cycle.heading").to_string(),
        version: format!("{name} — {}", long_date(lang, local)),
        number: latest.number,
        validated: latest.validated,
        iso_date: local.format("%Y-%m-%d").to_string(),
        sign_offs_heading: t(lang, "cycle.sign_offs").to_string(),
        sign_offs: sign_offs(&approvals, lang, &names, &on),
        applied_heading: t(lang, "cycle.applied").to_string(),
        applied: log
            .remarks()
            .filter(|f| f.applied_at.is_some())
            .map(|f| AppliedView {
                text: f.text.clone(),
                from: names.signer(f.participant_id, &f.name),
                on: on(f.version),
            })
            .collect(),
    })
}

/// The day a sign-off was given, in the session's language.
pub fn sign_off_date(lang: Lang, s: &SignOff) -> String {
    long_date(lang, s.at.with_timezone(&chrono::Local).date_naive())
}

fn sign_offs(
    approvals: &[&SignOff],
    lang: Lang,
    names: &super::Names,
    on: &dyn Fn(crate::model::Id) -> String,
) -> Vec<String> {
    if names.per_person {
        return approvals
            .iter()
            .filter_map(|s| Some((s, names.signer(s.participant_id, &s.name)?)))
            .map(|(s, name)| {
                let args = [
                    ("name", name),
                    ("version", on(s.version)),
                    ("date", sign_off_date(lang, s)),
                ];
                let args = args.each_ref().map(|(k, v)| (*k, v.as_str()));
                tf(lang, "cycle.sign_off_line", &args)
            })
            .collect();
    }
    let mut counts: Vec<(crate::model::Id, usize)> = Vec::new();
    for s in approvals {
        match counts.iter_mut().find(|(v, _)| *v == s.version) {
            Some((_, n)) => *n += 1,
            None => counts.push((s.version, 1)),
        }
    }
    counts
        .into_iter()
        .map(|(v, n)| crate::i18n::tn(lang, "cycle.approved_by_n", n, &[("version", &on(v))]))
        .collect()
}

/// The section in Markdown, every stored text escaped as the rest of the
/// report's.
pub fn markdown(out: &mut dyn Write, view: Option<&ReviewView>, colon: &str) -> io::Result<()> {
    let Some(v) = view else {
        return Ok(());
    };
    let one_line = |text: &str| inline(&text.replace('\n', " "));
    writeln!(out, "## {}\n", inline(&v.heading))?;
    writeln!(out, "{}\n", inline(&v.version))?;
    if !v.sign_offs.is_empty() {
        writeln!(out, "**{}**\n", inline(&v.sign_offs_heading))?;
        for s in &v.sign_offs {
            writeln!(out, "- {}", one_line(s))?;
        }
        writeln!(out)?;
    }
    if !v.applied.is_empty() {
        writeln!(out, "**{}**\n", inline(&v.applied_heading))?;
        for a in &v.applied {
            let from = a
                .from
                .as_deref()
                .map(|f| format!(" — {}", one_line(f)))
                .unwrap_or_default();
            writeln!(out, "- {}{colon}{}{from}", inline(&a.on), one_line(&a.text))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// `model::content_hash` of the report JSON of `content` (a report built
/// as the session's choices say, without its review section), streamed
/// into the hash: without review (and status) the compact JSON is exactly what
/// `model::content_hash` hashes, and neither the JSON text nor its parsed
/// tree (many times the session's size) is held in memory.
pub(super) fn content_hash(content: &super::Report) -> String {
    use sha2::Digest;
    debug_assert!(content.review.is_none());
    let mut hash = sha2::Sha256::new();
    super::json::write_compact(content, &mut hash).expect("write to a hash");
    format!("{:x}", hash.finalize())
}

/// The published version the report reads as now: the latest standing
/// one, when the report's content hash is its own.
pub fn current_version(data: &SessionData) -> Option<&crate::model::ReportVersion> {
    let latest = data.review.latest()?;
    (content_hash(&super::Report::without_review(data)) == latest.sha256).then_some(latest)
}

/// The participants' report data (the report JSON) as version `number`
/// published at `at` will read: its review section names that version.
pub fn as_published(data: &SessionData, validated: bool, at: crate::model::Timestamp) -> String {
    let sha256 = content_hash(&super::Report::without_review(data));
    let mut data = data.clone();
    let number = data.review.next_number();
    data.review.versions.push(crate::model::ReportVersion {
        id: crate::model::Id::nil(),
        number,
        validated,
        note: String::new(),
        sha256,
        published_at: at,
        removed_at: None,
    });
    super::render(super::Format::Json, &data)
}

#[cfg(test)]
mod tests {
    use crate::report::{render, Format, Report};

    /// The streamed hash is the stored versions' hash, whatever the
    /// session holds: the sample, named and anonymous.
    #[test]
    fn the_streamed_content_hash_is_the_model_s() {
        let text = include_str!("../../sessions/atelier-5-emergence-session-1.json");
        let catalog = crate::templates::Catalog::built_in();
        let mut data = crate::bundle::parse("sample", text, &catalog).unwrap();
        for anonymity in [
            crate::model::Anonymity::Named,
            crate::model::Anonymity::Anonymous,
        ] {
            data.session.anonymity = anonymity;
            assert_eq!(
                super::content_hash(&Report::without_review(&data)),
                crate::model::content_hash(&render(Format::Json, &data))
            );
        }
    }
}
