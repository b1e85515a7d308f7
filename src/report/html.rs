//! HTML report: one self-contained file (inline CSS, no external request),
//! rendered by minijinja, which auto-escapes every value in `.html`
//! templates, so nothing a participant typed can become markup. Values are
//! cleaned of control characters and bidi overrides on their way out, and
//! item trees reach the template as flat rows, so no nesting can exhaust
//! the template's recursion limit.

use super::html_rows::List;
use super::{
    ActionView, DecisionView, Discussion, Participation, Report, Section, Stats, SynthesisView,
};
use minijinja::value::Value;
use minijinja::{context, escape_formatter, Environment, UndefinedBehavior};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

const TEMPLATE: &str = include_str!("../../assets/report/report.html");
const CSS: &str = include_str!("../../assets/report/report.css");

/// The one environment every HTML page renders in (its formatter cleans
/// and escapes every value): the session report, and the event report
/// (`event/html.rs`).
pub(super) fn env() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        // A field the template names but the page lacks is a bug to catch
        // in tests, not an empty space in a report.
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_formatter(|out, state, value| match value.as_str() {
            Some(text) if !value.is_safe() => {
                let text = crate::text::clean(text, true);
                escape_formatter(out, state, &Value::from(text))
            }
            _ => escape_formatter(out, state, value),
        });
        env.add_template("report.html", TEMPLATE)
            .expect("embedded report template parses");
        env.add_template("report.css", CSS)
            .expect("embedded report style parses");
        env.add_template(
            "review.html",
            include_str!("../../assets/report/review.html"),
        )
        .expect("embedded review section parses");
        env.add_template("head.html", include_str!("../../assets/report/head.html"))
            .expect("embedded page head parses");
        env.add_template("event.html", include_str!("../../assets/report/event.html"))
            .expect("embedded event report template parses");
        env
    })
}

/// The page as a string. Takes the report whole, as `write` does: a test
/// chain of thousands of levels would overflow the stack being cloned.
#[cfg(test)]
pub fn render(report: Report) -> String {
    let mut out = Vec::new();
    write(report, &mut out).expect("write to memory");
    String::from_utf8(out).expect("HTML of UTF-8 strings is UTF-8")
}

/// Renders the page straight into `out`. The embedded template always
/// renders; an error here is the output's (a full disk, a closed pipe).
pub fn write(report: Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let template = env()
        .get_template("report.html")
        .expect("embedded report template parses");
    let report = Arc::new(report);
    let page = context! { r => minijinja::value::Serde(Page::of(&report)) };
    template.render_captured_to(page, out).map_err(|e| {
        // minijinja reports a failed write as its own error; hand back the
        // I/O error inside when there is one.
        match std::error::Error::source(&e).and_then(|s| s.downcast_ref::<std::io::Error>()) {
            Some(io) => std::io::Error::new(io.kind(), io.to_string()),
            None => panic!("embedded report template renders: {e}"),
        }
    })?;
    Ok(())
}

/// What the template reads: the report, with each item tree replaced by
/// its rows.
#[derive(Serialize)]
struct Page<'a> {
    lang: &'a str,
    colon: &'a str,
    title: &'a str,
    event: &'a str,
    date: &'a str,
    question: &'a str,
    context: &'a str,
    lead: &'a str,
    participants: &'a [String],
    anonymous_note: Option<&'a str>,
    synthesis: &'a SynthesisView,
    discussion: Vec<GroupRows<'a>>,
    ideas: Value,
    resources: Value,
    parking: Value,
    /// Ideas by theme: each theme's name and its items' rows.
    themes: Vec<GroupRows<'a>>,
    trace: Value,
    decisions: &'a [DecisionView],
    actions: &'a [ActionView],
    stats: &'a Stats,
    participation: &'a Participation,
    votes: &'a super::Votes,
    labels: &'a HashMap<&'static str, String>,
    /// The 1-2-4-All stages: heading, then each group's label and rows.
    shared: Vec<(&'a str, Vec<GroupRows<'a>>)>,
    /// The sections in their one order (`sections.rs`): the template
    /// walks them for the table of contents and the body.
    sections: Vec<SectionRef>,
    /// The discussion in spoken order, when the choices ask for it.
    spoken: Value,
    log: Value,
    /// Whether any log row names someone (else no "who" column).
    log_authors: bool,
    time_chart: super::charts::TimeChart,
    /// Where the session took place (empty when not said).
    place: &'a str,
    /// The date as `2021-06-10`, for `<time datetime>`.
    iso_date: &'a str,
    /// Words of the sections' own (`sections.*` texts).
    words: HashMap<&'static str, &'static str>,
    review: Option<&'a super::ReviewView>,
    /// Themes ranked by their items' dots.
    theme_votes: &'a super::ThemeRanking,
}

/// A section as the template sees it: which one, its anchor, heading.
#[derive(Serialize)]
struct SectionRef {
    kind: &'static str,
    /// The `<section>`'s classes (its kind's, kept from earlier reports,
    /// and `appendix`).
    class: String,
    id: String,
    heading: String,
    appendix: bool,
    /// Which 1-2-4-All stage, for `shared` sections.
    index: usize,
}

const WORDS: [&str; 6] = [
    "contents",
    "appendix",
    "log_time",
    "log_text",
    "log_who",
    "time_chart",
];

#[derive(Serialize)]
struct GroupRows<'a> {
    heading: &'a str,
    /// The group's rows (`html_rows::List`).
    items: Value,
}

impl<'a> Page<'a> {
    /// The page over `shared`: the item lists and the log stay in the
    /// report, made row by row as the template walks them (`html_rows`).
    fn of(shared: &'a Arc<Report>) -> Page<'a> {
        let r: &Report = shared;
        let list = super::sections(r);
        let log = list.iter().find_map(|s| match s {
            Section::Log(entries) => Some(entries.as_slice()),
            _ => None,
        });
        Page {
            lang: r.lang,
            colon: r.colon,
            title: &r.title,
            event: &r.event,
            date: &r.date,
            question: &r.question,
            context: &r.context,
            lead: &r.lead,
            participants: &r.participants,
            anonymous_note: r.anonymous_note.as_deref(),
            synthesis: &r.synthesis,
            discussion: r
                .discussion
                .iter()
                .enumerate()
                .map(|(i, g)| GroupRows {
                    heading: &g.heading,
                    items: List::Discussion(i).rows(shared),
                })
                .collect(),
            ideas: List::Ideas.rows(shared),
            resources: List::Resources.rows(shared),
            parking: List::Parking.rows(shared),
            themes: r
                .themes
                .iter()
                .enumerate()
                .map(|(i, t)| GroupRows {
                    heading: &t.name,
                    items: List::Theme(i).rows(shared),
                })
                .collect(),
            trace: List::Trace.rows(shared),
            decisions: &r.decisions,
            actions: &r.actions,
            stats: &r.stats,
            participation: &r.participation,
            votes: &r.votes,
            labels: &r.labels,
            shared: r
                .shared
                .iter()
                .enumerate()
                .map(|(stage, s)| {
                    let groups = s.groups.iter().enumerate().map(|(group, g)| GroupRows {
                        heading: &g.label,
                        items: List::Shared(stage, group).rows(shared),
                    });
                    (s.heading.as_str(), groups.collect())
                })
                .collect(),
            sections: section_refs(&list, r),
            spoken: List::Spoken.rows(shared),
            log_authors: log.unwrap_or_default().iter().any(|i| i.author.is_some()),
            log: List::Log.rows(shared),
            time_chart: super::charts::time_chart(&r.stats.time, r.language),
            place: r.place.trim(),
            iso_date: &r.iso_date,
            words: WORDS
                .iter()
                .map(|k| (*k, crate::i18n::t(r.language, &format!("sections.{k}"))))
                .collect(),
            review: r.review.as_ref(),
            theme_votes: &r.theme_votes,
        }
    }
}

fn section_refs(list: &[Section], r: &Report) -> Vec<SectionRef> {
    list.iter()
        .map(|s| {
            // The kind the template dispatches on, and the section's
            // class (as earlier reports named it).
            let (kind, class) = match s {
                Section::Cover(_) => ("cover", "cover"),
                Section::Question { .. } => ("question", "question"),
                Section::Synthesis(_) => ("synthesis", "synthesis"),
                Section::Discussion(Discussion::ByKind(_)) => ("discussion", "discussion"),
                Section::Discussion(Discussion::Spoken(_)) => ("spoken", "discussion spoken"),
                Section::Ideas(_) => ("ideas", "ideas"),
                Section::Resources(_) => ("resources", "resources"),
                Section::Shared { .. } => ("shared", "shared-ideas"),
                Section::Themes(_) => ("themes", "themes"),
                Section::Votes(_) => ("votes", "votes"),
                Section::Trace(_) => ("trace", "trace"),
                Section::Decisions(_) => ("decisions", "decisions"),
                Section::Actions(_) => ("actions", "actions"),
                Section::Parking(_) => ("parking", "parking"),
                Section::Review(_) => ("review", "review"),
                Section::Statistics(_) => ("statistics", "stats"),
                Section::Log(_) => ("log", "log"),
            };
            SectionRef {
                kind,
                class: match s.is_appendix() {
                    true => format!("{class} appendix"),
                    false => class.to_string(),
                },
                id: s.anchor(),
                heading: s.heading(r),
                appendix: s.is_appendix(),
                index: match s {
                    Section::Shared { index, .. } => *index,
                    _ => 0,
                },
            }
        })
        .collect()
}

#[cfg(test)]
#[path = "html_tests.rs"]
mod tests;
