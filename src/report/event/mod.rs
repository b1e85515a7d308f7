//! The event report: one document for the several ateliers (sessions) of
//! one event, each perhaps run on its own laptop and merged by import.
//!
//! One view model (`EventReport`), then one renderer per format, like the
//! session report. Each atelier goes through the session report's own view
//! model (`Report::build`), so what a participant may read is decided in
//! one place (`Names`, `view.rs`): an anonymous atelier's people are never
//! named beside a text, stage notes, deleted items and earlier versions
//! never reach the event report. Only what the event needs is kept of each
//! atelier's report, which is dropped before the next one is built.

mod csv;
mod html;
mod json;
mod markdown;
mod odt;
mod pdf;
mod stats;

use super::{ActionView, Format, Report, SynthesisView};
use crate::i18n::{long_date, t};
use crate::model::{Lang, SessionData};
use chrono::NaiveDate;
use serde::Serialize;
pub use stats::EventStats;
use std::collections::HashMap;

/// Everything the event report says, in the event's language.
#[derive(Debug, Clone, Serialize)]
pub struct EventReport {
    /// The language code, for `<html lang>`.
    pub lang: &'static str,
    pub colon: &'static str,
    #[serde(skip)]
    pub language: Lang,
    /// The event's name, the document's title.
    pub name: String,
    /// "10 juin 2021", or "10 juin 2021 – 12 juin 2021".
    pub dates: String,
    /// The first and last ateliers' dates, `YYYY-MM-DD`.
    pub first_date: String,
    pub last_date: String,
    /// In date, then title order.
    pub ateliers: Vec<AtelierView>,
    /// Every atelier's actions, in the ateliers' order.
    pub actions: Vec<EventAction>,
    pub stats: EventStats,
    /// Headings and labels, by key without the `event.` prefix.
    pub labels: HashMap<&'static str, String>,
    /// Built anonymised: its file name says so.
    #[serde(skip)]
    pub options: super::Options,
}

/// One atelier as the event report shows it: its session report's
/// question, synthesis, lead and count, nothing else.
#[derive(Debug, Clone, Serialize)]
pub struct AtelierView {
    pub title: String,
    pub date: String,
    pub iso_date: String,
    pub status: &'static str,
    pub question: String,
    pub synthesis: SynthesisView,
    /// "Lead", or the role the session's lead field names ("Porteuse").
    pub lead_label: String,
    pub lead: String,
    pub participant_count: usize,
    /// Set when the atelier was anonymous ("12 participants (anonymous
    /// session)"), in the atelier's language.
    pub anonymous_note: Option<String>,
}

/// An action with the atelier it was agreed in.
#[derive(Debug, Clone, Serialize)]
pub struct EventAction {
    pub atelier: String,
    #[serde(flatten)]
    pub action: ActionView,
}

const LABELS: &[&str] = &[
    "ateliers",
    "atelier",
    "dates",
    "question",
    "synthesis",
    "proposal",
    "lead",
    "participants",
    "actions",
    "no_actions",
    "stats",
    "count_ateliers",
    "count_participants",
    "count_contributions",
    "by_kind",
    "actions_by_status",
    "votes",
    "kind",
    "status",
    "count",
    "total",
    "generated",
    "empty_synthesis",
];

/// The action table's columns (session report labels).
const ACTION_COLUMNS: [&str; 4] = ["action_what", "action_who", "action_due", "action_status"];

impl EventReport {
    /// Builds the event's report from its sessions, in any order (they
    /// are put in date, then title order). Each session is read once and
    /// only the parts the event shows are kept.
    pub fn build(name: &str, sessions: impl IntoIterator<Item = SessionData>) -> EventReport {
        EventReport::build_with(name, sessions, super::Options::default())
    }

    /// `build` with every atelier's report built as `options` asks
    /// (`anonymise`: each read as if it had been anonymous, through the
    /// session report's one rule).
    pub fn build_with(
        name: &str,
        sessions: impl IntoIterator<Item = SessionData>,
        options: super::Options,
    ) -> EventReport {
        EventReport::build_as(name, sessions, options, false)
    }

    /// The event report `format` shows: for a format people read
    /// ([`Format::is_read`]) each atelier as [`Report::for_reading`] gives
    /// it and the event's own texts with the same typography; for data
    /// (CSV, JSON) the stored text, as [`EventReport::build_with`].
    pub fn for_format(
        name: &str,
        sessions: impl IntoIterator<Item = SessionData>,
        options: super::Options,
        format: Format,
    ) -> EventReport {
        EventReport::build_as(name, sessions, options, format.is_read())
    }

    fn build_as(
        name: &str,
        sessions: impl IntoIterator<Item = SessionData>,
        options: super::Options,
        read: bool,
    ) -> EventReport {
        let mut ateliers = Vec::new();
        let mut actions: Vec<(NaiveDate, String, Vec<ActionView>)> = Vec::new();
        let mut stats = stats::Tally::default();
        let mut langs: Vec<Lang> = Vec::new();
        let mut dates: Vec<NaiveDate> = Vec::new();
        for data in sessions {
            let report = match read {
                true => Report::for_reading(&data, options),
                false => Report::build_with(&data, options),
            };
            let date = data.session.date;
            stats.add(&report);
            langs.push(report.language);
            dates.push(date);
            actions.push((date, report.title.clone(), report.actions.clone()));
            ateliers.push((date, atelier(report)));
        }
        let language = majority(&langs);
        ateliers.sort_by(|(d1, a1), (d2, a2)| d1.cmp(d2).then_with(|| a1.title.cmp(&a2.title)));
        actions.sort_by(|(d1, t1, _), (d2, t2, _)| d1.cmp(d2).then_with(|| t1.cmp(t2)));
        let first = dates.iter().min().copied();
        let last = dates.iter().max().copied();
        let iso = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
        let mut r = EventReport {
            lang: language.code(),
            colon: crate::i18n::colon(language),
            language,
            name: name.to_string(),
            dates: match (first, last) {
                (Some(a), Some(b)) if a != b => {
                    format!("{} – {}", long_date(language, a), long_date(language, b))
                }
                (Some(a), _) => long_date(language, a),
                _ => String::new(),
            },
            first_date: iso(first).unwrap_or_default(),
            last_date: iso(last).unwrap_or_default(),
            ateliers: ateliers.into_iter().map(|(_, a)| a).collect(),
            actions: actions
                .into_iter()
                .flat_map(|(_, atelier, list)| {
                    list.into_iter().map(move |action| EventAction {
                        atelier: atelier.clone(),
                        action,
                    })
                })
                .collect(),
            stats: stats.finish(language),
            options,
            labels: LABELS
                .iter()
                .map(|k| (*k, t(language, &format!("event.{k}")).to_string()))
                .chain(
                    ACTION_COLUMNS
                        .iter()
                        .map(|k| (*k, t(language, &format!("report.{k}")).to_string())),
                )
                .collect(),
        };
        if read {
            r.typeset();
        }
        r
    }

    /// The event's own texts (its name, headings, labels) with the
    /// language's typography, as `Report::for_reading` sets the
    /// ateliers' (their titles, as the action table repeats them, too).
    fn typeset(&mut self) {
        let lang = self.language;
        if lang == Lang::Fr {
            self.colon = "\u{A0}: ";
        }
        let typeset = |s: &mut String| super::typography::for_lang(lang, s);
        typeset(&mut self.name);
        self.labels.values_mut().for_each(typeset);
        let stats = &mut self.stats;
        for c in stats.by_kind.iter_mut().chain(&mut stats.actions_by_status) {
            typeset(&mut c.label);
        }
    }

    pub fn label<'a>(&'a self, key: &'a str) -> &'a str {
        self.labels.get(key).map(String::as_str).unwrap_or(key)
    }
}

/// What the event keeps of an atelier's report.
fn atelier(r: Report) -> AtelierView {
    AtelierView {
        lead_label: r.label("lead").to_string(),
        title: r.title,
        date: r.date,
        iso_date: r.iso_date,
        status: r.status,
        question: r.question,
        synthesis: r.synthesis,
        lead: r.lead,
        participant_count: r.participant_count,
        anonymous_note: r.anonymous_note,
    }
}

/// The language most ateliers speak (the first's on a tie; English when
/// there is none).
fn majority(langs: &[Lang]) -> Lang {
    let count = |l: Lang| langs.iter().filter(|x| **x == l).count();
    let mut best = langs.first().copied().unwrap_or(Lang::En);
    for l in langs {
        if count(*l) > count(best) {
            best = *l;
        }
    }
    best
}

/// Writes the event's report in `format` to `out` (buffered by the
/// caller): a text, or a file's bytes (ODT, PDF). The bundle is a
/// session's archive, not a report: refused.
pub fn write(format: Format, r: &EventReport, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    match format {
        Format::Markdown => markdown::write(r, out),
        Format::Html => html::write(r, out),
        Format::Json => json::write(r, out),
        Format::Csv => csv::write(r, out),
        Format::Odt => odt::write(r, out),
        Format::Pdf => pdf::write(r, out),
        Format::Bundle => Err(std::io::Error::new(
            std::io::ErrorKind::Unsupported,
            format!("the event report has no {} format", format.extension()),
        )),
    }
}

/// The event report in `format` as text, as `report::render` gives a
/// session's: for ODT the XML of its package's documents, for PDF the
/// text its pages show, page by page. [`bytes`] gives a file's bytes.
pub fn render(format: Format, r: &EventReport) -> String {
    match format {
        Format::Odt => odt::xml(r).expect("write to memory"),
        Format::Pdf => pdf::text(r),
        _ => String::from_utf8(bytes(format, r)).expect("every text format writes UTF-8"),
    }
}

/// The event report in `format`, as the bytes of its file.
pub fn bytes(format: Format, r: &EventReport) -> Vec<u8> {
    let mut out = Vec::new();
    write(format, r, &mut out).expect("write to memory");
    out
}

/// A file name for the event's report: `event-emergence.md`.
pub fn file_name(r: &EventReport, format: Format) -> String {
    let slug = super::slug(&r.name, "event");
    let anonymised = match r.options.anonymise {
        true => super::Options::ANONYMISED.label(r.language),
        false => String::new(),
    };
    format!(
        "{}-{slug}{anonymised}.{}",
        t(r.language, "event.file_prefix"),
        format.extension()
    )
}
