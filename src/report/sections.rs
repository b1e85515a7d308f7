//! The report as one ordered list of sections, built once from the view
//! model ([`Report`]): every format (Markdown, HTML, the review screen's
//! preview, PDF, ODT) walks this list, so the order of a report is written
//! here and nowhere else. A renderer is one function per [`Section`]
//! variant; [`sections`] has already left out every section with nothing
//! in it, so a renderer never checks for emptiness itself.
//!
//! In order (data each variant carries; left out when):
//!
//! 1. [`Section::Cover`]: title, event, date, place (when set), lead, the roster or only its
//!    count when the session is anonymous ([`Cover`]). Always there.
//! 2. [`Section::Question`]: the question and its context; says so when
//!    nothing was recorded. Always there.
//! 3. [`Section::Synthesis`]: text, building blocks, proposal. Empty.
//! 4. [`Section::Discussion`]: grouped by kind ([`Discussion::ByKind`]) or
//!    in spoken order, each item with its kind as a label
//!    ([`Discussion::Spoken`]), as the report's choices say. No item.
//! 5. [`Section::Ideas`], then [`Section::Resources`]: nested items.
//! 6. [`Section::Shared`]: one per 1-2-4-All stage, the ideas each group
//!    shared.
//! 7. [`Section::Themes`]: each theme with its items.
//! 8. [`Section::Votes`]: the dot vote's ranking (and its chart's
//!    geometry).
//! 9. [`Section::Trace`]: from each proposal back to the observations.
//! 10. [`Section::Decisions`], [`Section::Actions`] (a table: what, who,
//!     due, status), [`Section::Parking`].
//! 11. [`Section::Review`]: which version of the report this is, its
//!     sign-offs and the remarks applied ([`super::ReviewView`]). Left out
//!     until a version is published.
//! 12. Appendix ([`Section::is_appendix`]): [`Section::Statistics`]
//!     (participation totals and, when shown, per person; per stage, per
//!     kind; planned against actual time) and [`Section::Log`] (every item
//!     the report shows, oldest first).
//!
//! Each section has a stable [`Section::anchor`] (for a table of contents
//! or bookmarks) and a [`Section::heading`] in the session's language.
//! Item trees are walked with [`super::flatten`]: never recursively. Other
//! words come from the report too: [`Report::label`] (`"context"`,
//! `"action_who"`, `"by_stage"`…) and `i18n::t(r.language, "sections.…")`
//! for the log's columns. A renderer looks like this (see `markdown.rs`,
//! `html.rs` and the review screen's `preview.rs`):
//!
//! ```ignore
//! for s in sections(&report) {
//!     let heading = s.heading(&report);
//!     match &s {
//!         Section::Cover(c) => cover(c),             // the title is the heading
//!         Section::Discussion(Discussion::ByKind(groups)) => by_kind(&heading, groups),
//!         Section::Discussion(Discussion::Spoken(items)) => list(&heading, items),
//!         Section::Actions(actions) => table(&heading, actions),
//!         Section::Statistics(stats) => appendix(&heading, stats),
//!         // … one arm per variant: the compiler lists any forgotten.
//!     }
//! }
//! ```
//!
//! What reaches a section has already been through the view model's one
//! anonymity rule and the report's choices (`choices.rs`): a renderer adds
//! no name and hides nothing of its own.

use super::{
    flatten, ActionView, DecisionView, Group, Item, Participation, Report, ReviewView, SharedIdeas,
    Stats, SynthesisView, ThemeView, Votes,
};
use crate::i18n::t;

/// One section of the report, with what it needs, borrowed from the
/// [`Report`] it came from.
#[derive(Debug, Clone)]
pub enum Section<'a> {
    Cover(Cover<'a>),
    Question {
        question: &'a str,
        context: &'a str,
        /// "Nothing was recorded.", when the session holds no item.
        nothing_recorded: Option<&'a str>,
    },
    Synthesis(&'a SynthesisView),
    Discussion(Discussion<'a>),
    Ideas(&'a [Item]),
    Resources(&'a [Item]),
    /// The ideas shared by group in one 1-2-4-All stage; `index` counts
    /// these sections from 0 (for the anchor).
    Shared {
        index: usize,
        ideas: &'a SharedIdeas,
    },
    Themes(&'a [ThemeView]),
    Votes(&'a Votes),
    Trace(&'a [Item]),
    Decisions(&'a [DecisionView]),
    Actions(&'a [ActionView]),
    Parking(&'a [Item]),
    /// The report's version, its sign-offs and applied remarks.
    Review(&'a ReviewView),
    Statistics(Statistics<'a>),
    /// Every item the report shows, top level and sub-points, oldest
    /// first (ties keep the report's order).
    Log(Vec<&'a Item>),
}

/// The first page: what the workshop was, when, and who took part.
#[derive(Debug, Clone)]
pub struct Cover<'a> {
    pub title: &'a str,
    pub event: Option<&'a str>,
    /// As the session's language writes it: "10 juin 2021".
    pub date: &'a str,
    /// `2021-06-10`.
    pub iso_date: &'a str,
    /// Where the session took place, when said.
    pub place: Option<&'a str>,
    /// The lead's role ("Porteuse") and name, when a lead is set.
    pub lead: Option<(&'a str, &'a str)>,
    /// The roster's names (with roles); empty when anonymous.
    pub participants: &'a [String],
    /// "5 participants (anonymous session)" instead of names.
    pub anonymous_note: Option<&'a str>,
}

#[derive(Debug, Clone, Copy)]
pub enum Discussion<'a> {
    /// One group per kind, in the kinds' order.
    ByKind(&'a [Group]),
    /// As spoken, stage after stage; each top-level item's `kind` is set.
    Spoken(&'a [Item]),
}

/// The appendix's numbers. `participation.bars` and
/// `stats.by_participant` are empty unless per-person statistics are
/// shown (the report's choices) in a named session.
#[derive(Debug, Clone, Copy)]
pub struct Statistics<'a> {
    pub participation: &'a Participation,
    pub stats: &'a Stats,
}

impl Statistics<'_> {
    /// The participation totals, when anyone on the roster spoke.
    pub fn has_participation(&self) -> bool {
        self.participation.people > 0 && self.participation.total > 0
    }
}

/// The report's sections, in order, those with nothing in them left out.
pub fn sections(r: &Report) -> Vec<Section<'_>> {
    let mut out = vec![
        Section::Cover(Cover {
            title: &r.title,
            event: Some(r.event.as_str()).filter(|e| !e.trim().is_empty()),
            date: &r.date,
            iso_date: &r.iso_date,
            place: Some(r.place.as_str()).filter(|p| !p.trim().is_empty()),
            lead: (!r.lead.trim().is_empty()).then(|| (r.label("lead"), r.lead.as_str())),
            participants: &r.participants,
            anonymous_note: r.anonymous_note.as_deref(),
        }),
        Section::Question {
            question: &r.question,
            context: &r.context,
            nothing_recorded: (r.stats.total == 0).then(|| r.label("empty")),
        },
    ];
    if !r.synthesis.is_empty {
        out.push(Section::Synthesis(&r.synthesis));
    }
    match r.choices.order {
        crate::model::DiscussionOrder::Kind if !r.discussion.is_empty() => {
            out.push(Section::Discussion(Discussion::ByKind(&r.discussion)));
        }
        crate::model::DiscussionOrder::Spoken if !r.spoken.is_empty() => {
            out.push(Section::Discussion(Discussion::Spoken(&r.spoken)));
        }
        _ => {}
    }
    if !r.ideas.is_empty() {
        out.push(Section::Ideas(&r.ideas));
    }
    if !r.resources.is_empty() {
        out.push(Section::Resources(&r.resources));
    }
    out.extend(
        r.shared
            .iter()
            .enumerate()
            .map(|(index, ideas)| Section::Shared { index, ideas }),
    );
    if !r.themes.is_empty() {
        out.push(Section::Themes(&r.themes));
    }
    if !r.votes.ranking.is_empty() {
        out.push(Section::Votes(&r.votes));
    }
    if !r.trace.chains.is_empty() {
        out.push(Section::Trace(&r.trace.chains));
    }
    if !r.decisions.is_empty() {
        out.push(Section::Decisions(&r.decisions));
    }
    if !r.actions.is_empty() {
        out.push(Section::Actions(&r.actions));
    }
    if !r.parking.is_empty() {
        out.push(Section::Parking(&r.parking));
    }
    if let Some(review) = &r.review {
        out.push(Section::Review(review));
    }
    let statistics = Statistics {
        participation: &r.participation,
        stats: &r.stats,
    };
    if r.stats.total > 0 || !r.stats.time.stages.is_empty() {
        out.push(Section::Statistics(statistics));
    }
    let log = log(r);
    if !log.is_empty() {
        out.push(Section::Log(log));
    }
    out
}

/// Every item the report shows once, oldest first: the discussion (by
/// kind), ideas, resources and the parking lot, sub-points included.
fn log(r: &Report) -> Vec<&Item> {
    let lists = r.discussion.iter().map(|g| g.items.as_slice()).chain([
        r.ideas.as_slice(),
        &r.resources,
        &r.parking,
    ]);
    let mut all: Vec<&Item> = lists
        .flat_map(|list| flatten(list).into_iter().map(|(item, _)| item))
        .collect();
    // RFC 3339 UTC instants of one format sort as text; the sort is stable.
    all.sort_by(|a, b| a.created_at.cmp(&b.created_at));
    all
}

impl Section<'_> {
    /// A stable identifier: `cover`, `question`, …, `shared-2`, `log`.
    pub fn anchor(&self) -> String {
        let key = match self {
            Section::Cover(_) => "cover",
            Section::Question { .. } => "question",
            Section::Synthesis(_) => "synthesis",
            Section::Discussion(_) => "discussion",
            Section::Ideas(_) => "ideas",
            Section::Resources(_) => "resources",
            Section::Shared { index, .. } => return format!("shared-{}", index + 1),
            Section::Themes(_) => "themes",
            Section::Votes(_) => "votes",
            Section::Trace(_) => "trace",
            Section::Decisions(_) => "decisions",
            Section::Actions(_) => "actions",
            Section::Parking(_) => "parking",
            Section::Review(_) => "review",
            Section::Statistics(_) => "statistics",
            Section::Log(_) => "log",
        };
        key.to_string()
    }

    /// The section's heading in the session's language (the cover's is
    /// the session's title).
    pub fn heading(&self, r: &Report) -> String {
        let label = |key: &str| r.label(key).to_string();
        let appendix =
            |what: &str| format!("{}{}{what}", t(r.language, "sections.appendix"), r.colon);
        match self {
            Section::Cover(c) => c.title.to_string(),
            Section::Question { .. } => label("question"),
            Section::Synthesis(_) => label("synthesis"),
            Section::Discussion(_) => label("discussion"),
            Section::Ideas(_) => label("ideas"),
            Section::Resources(_) => label("resources"),
            Section::Shared { ideas, .. } => ideas.heading.clone(),
            Section::Themes(_) => label("themes_heading"),
            Section::Votes(v) => v.heading.clone(),
            Section::Trace(_) => label("trace"),
            Section::Decisions(_) => label("decisions"),
            Section::Actions(_) => label("actions"),
            Section::Parking(_) => label("parking"),
            Section::Review(v) => v.heading.clone(),
            Section::Statistics(_) => appendix(r.label("stats")),
            Section::Log(_) => appendix(t(r.language, "sections.log")),
        }
    }

    /// Whether the section belongs to the appendix (after the report's
    /// body; a renderer may start it on a new page).
    pub fn is_appendix(&self) -> bool {
        matches!(self, Section::Statistics(_) | Section::Log(_))
    }
}

#[cfg(test)]
#[path = "sections_tests.rs"]
mod tests;
