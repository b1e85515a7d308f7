//! The one view model every report format is built from. What a
//! participant may read is decided here, once: in an anonymous session no
//! name stands beside a text (authors become "Participant N", numbered over
//! the present roster); stage notes, deleted contributions and earlier
//! versions of a text are never read at all. The complete record leaves
//! only as the bundle (`crate::bundle`), a separate archive.

pub(super) use super::names::Names;
use super::participation::Participation;
use crate::i18n::{long_date, t, tf};
use crate::model::{
    format_time, Anonymity, Contribution, Kind, Lang, SessionData, Stage, Timestamp, Tree,
    MAX_DEPTH,
};
use serde::Serialize;
use std::collections::HashMap;

/// Everything a report says, already in the session's language.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The language code, for `<html lang>`.
    pub lang: &'static str,
    /// Between a label and its value, as the session's language writes it.
    pub colon: &'static str,
    #[serde(skip)]
    pub language: Lang,
    pub title: String,
    pub event: String,
    /// As people write it: "10 juin 2021".
    pub date: String,
    /// `2021-06-10`, for data formats.
    pub iso_date: String,
    pub status: &'static str,
    pub question: String,
    pub context: String,
    pub lead: String,
    /// The present roster's names; empty when the session is anonymous.
    pub participants: Vec<String>,
    /// How many people are on the present roster.
    pub participant_count: usize,
    /// Set instead of names when the session is anonymous.
    pub anonymous_note: Option<String>,
    pub synthesis: SynthesisView,
    /// Discussion elements grouped by kind (ideas and resources apart).
    pub discussion: Vec<Group>,
    pub ideas: Vec<Item>,
    pub resources: Vec<Item>,
    /// The parking lot: what was set aside, with the stage it came from.
    pub parking: Vec<Item>,
    /// The decision log, oldest first.
    pub decisions: Vec<DecisionView>,
    /// Who does what by when, oldest first.
    pub actions: Vec<ActionView>,
    pub stats: super::Stats,
    /// Who spoke how much, as a chart; totals only when anonymous.
    pub participation: Participation,
    /// The dot vote: voted items ranked, ties sharing a rank.
    pub votes: super::votes::Votes,
    /// Headings and labels, by key without the `report.` prefix.
    pub labels: HashMap<&'static str, String>,
    /// Ideas by theme: each theme with what it holds.
    pub themes: Vec<super::themes::ThemeView>,
    /// From each proposal back to the observations that led to it.
    pub trace: super::trace::TraceView,
    /// The ideas each group shared in the 1-2-4-All stages.
    pub shared: Vec<super::structures::SharedIdeas>,
    /// The discussion in spoken order, each top-level item labelled with
    /// its kind; filled when the choices ask for it (`choices.rs`).
    pub spoken: Vec<Item>,
    /// How this report reads: the session's choices or an export's.
    #[serde(skip)]
    pub choices: crate::model::ReportChoices,
    /// Where the session took place; empty when not said.
    pub place: String,
    /// Which version of the report this is, its sign-offs and applied
    /// remarks (see `review.rs`).
    pub review: Option<super::ReviewView>,
    /// Themes ranked by their items' dots, ties sharing a rank.
    pub theme_votes: super::theme_votes::ThemeRanking,
}

#[derive(Debug, Clone, Serialize)]
pub struct SynthesisView {
    pub text: String,
    pub blocks_heading: String,
    pub blocks: Vec<(String, String)>,
    pub proposal: String,
    pub is_empty: bool,
    /// What each part builds on (ids of contributions in the report).
    pub sources: super::SynthesisSources,
}

#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// The kind's key (`observation`, `stake`…).
    pub key: &'static str,
    pub heading: String,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Item {
    pub id: String,
    pub text: String,
    /// Who said it, as the anonymity rule allows; `None` for the group.
    pub author: Option<String>,
    /// Shown when a sub-point's kind differs from its parent's.
    pub kind: Option<&'static str>,
    /// The kind's label, always set (for tables and data formats).
    pub kind_label: &'static str,
    /// The stage's title.
    pub stage: String,
    /// When it was typed, on this laptop's clock, as the session's language
    /// writes it: `10/06/2021 14:05`, `2021-06-10 14:05`.
    pub time: String,
    /// The same instant in RFC 3339 UTC, for data formats.
    pub created_at: String,
    /// Sub-points, at most `MAX_DEPTH` levels below a top-level item.
    pub children: Vec<Item>,
    /// The group that shared it in a 1-2-4-All's All step.
    pub group: Option<u32>,
    /// Where it came from (`Origin::key`), for data formats.
    pub origin: &'static str,
    /// The mark of an input sent from the room (`origin::mark`).
    pub room_mark: Option<String>,
}

impl Item {
    /// A contribution as a report shows it, without its sub-points and
    /// without a kind label beside the text (the caller says when one is
    /// wanted): its author through the one anonymity rule, its times in the
    /// session's language and in RFC 3339.
    pub(super) fn of(c: &Contribution, stage: &str, names: &Names, lang: Lang) -> Item {
        Item {
            id: c.id.to_string(),
            text: c.text.clone(),
            author: names.author(c),
            kind: None,
            kind_label: c.kind.label(lang),
            stage: stage.to_string(),
            time: local_time(lang, &c.created_at),
            created_at: format_time(&c.created_at),
            children: Vec::new(),
            group: c.group,
            origin: c.origin.key(),
            room_mark: super::origin::mark(c.origin, lang),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct DecisionView {
    pub text: String,
    /// As the session's language writes it (see `Item::time`).
    pub time: String,
    /// RFC 3339 UTC, for data formats.
    pub decided_at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActionView {
    pub text: String,
    /// Who does it, as the anonymity rule allows; `None` when nobody was
    /// named (or a removed participant of an anonymous session).
    pub who: Option<String>,
    /// The due date as the session's language writes it.
    pub due: Option<String>,
    /// `YYYY-MM-DD`, for data formats.
    pub iso_due: Option<String>,
    pub done: bool,
    /// "open" / "done" in the session's language ("open · carried over"
    /// when it was carried over from the previous session).
    pub status: String,
    /// Carried over from the previous session of the workshop.
    pub carried_over: bool,
}

const LABELS: &[&str] = &[
    "question",
    "context",
    "synthesis",
    "proposal",
    "lead",
    "participants",
    "discussion",
    "ideas",
    "resources",
    "parking",
    "decisions",
    "actions",
    "action_what",
    "action_who",
    "action_due",
    "action_status",
    "participation",
    "share",
    "under_share",
    "stats",
    "by_participant",
    "by_stage",
    "by_kind",
    "time_by_stage",
    "planned",
    "actual",
    "participant",
    "stage",
    "kind",
    "count",
    "total",
    "generated",
    "empty",
    "themes_heading",
    "trace",
    "by_origin",
    "origin",
];

/// Kinds shown under "discussion", in this order.
pub(super) const DISCUSSION: [Kind; 6] = [
    Kind::Context,
    Kind::Observation,
    Kind::Stake,
    Kind::Question,
    Kind::Proposal,
    Kind::Action,
];

impl Report {
    /// The report as the session's own choices say.
    pub fn build(data: &SessionData) -> Report {
        Report::build_with(data, super::Options::default())
    }

    /// The report as `options` asks: anonymised, it reads the session as
    /// if it had been run anonymous (the one rule, in `Names`).
    pub fn build_with(data: &SessionData, options: super::Options) -> Report {
        let mut report = Report::build_content(data, options);
        // Read as the session's own choices say, this report is the
        // content a version's hash covers: hashed as it is, not built again.
        let as_content = !options.anonymise
            && options.choices.unwrap_or(data.session.report) == data.session.report;
        let current = || match as_content {
            true => super::review::content_hash(&report),
            false => super::review::content_hash(&Report::without_review(data)),
        };
        let review = super::review::build(data, reads_anonymous(data, options), current);
        report.review = review;
        report
    }

    /// The report as the session's own choices say, without its review
    /// section: what a version's content hash covers (`review.rs`).
    pub(super) fn without_review(data: &SessionData) -> Report {
        Report::build_content(data, super::Options::default())
    }

    /// Everything but the review section (`build_with` adds it).
    fn build_content(data: &SessionData, options: super::Options) -> Report {
        // An open merge conflict's copy is not read (`unsettled.rs`).
        let read = super::unsettled::as_read(data);
        let data: &SessionData = &read;
        let s = &data.session;
        let lang = s.language;
        let anonymous = reads_anonymous(data, options);
        let choices = options.choices.unwrap_or(s.report);
        let names = Names::for_report(data, anonymous);
        let tree = Tree::new(data);
        let mut shown: Vec<&Contribution> = Vec::new();
        let mut by_kind: Vec<(Kind, Vec<Item>)> = Vec::new();
        for (stage, walk) in stage_walks(data, &tree) {
            shown.extend(walk.iter().map(|(c, _)| *c));
            for (kind, item) in nest(&walk, &stage.title, &names, lang) {
                match by_kind.iter_mut().find(|(k, _)| *k == kind) {
                    Some((_, items)) => items.push(item),
                    None => by_kind.push((kind, vec![item])),
                }
            }
        }
        let mut take = |kind: Kind| {
            by_kind
                .iter_mut()
                .find(|(k, _)| *k == kind)
                .map(|(_, items)| std::mem::take(items))
                .unwrap_or_default()
        };
        let discussion = DISCUSSION
            .iter()
            .map(|k| Group {
                key: k.key(),
                heading: k.plural(lang).to_string(),
                items: take(*k),
            })
            .filter(|g| !g.items.is_empty())
            .collect();
        let ideas = take(Kind::Idea);
        let resources = take(Kind::Resource);
        let parking = parking(data, &names, lang);
        let syn = &data.synthesis;
        let roster = data.roster().count();
        let (lead_label, lead) = match crate::model::lead_title(&s.lead) {
            Some((title, name)) => (title.to_string(), name.to_string()),
            None => (t(lang, "report.lead").to_string(), s.lead.clone()),
        };
        let mut report = Report {
            lang: lang.code(),
            colon: crate::i18n::colon(lang),
            language: lang,
            title: s.title.clone(),
            event: s.event.clone(),
            date: long_date(lang, s.date),
            iso_date: s.date.format("%Y-%m-%d").to_string(),
            status: t(lang, &format!("report.status.{}", s.status.key())),
            question: s.question.clone(),
            context: s.context.clone(),
            lead: names.cover_lead(lead),
            participants: if anonymous {
                Vec::new()
            } else {
                data.roster()
                    .map(|p| match p.role.trim() {
                        "" => p.name.clone(),
                        role => format!("{} ({role})", p.name),
                    })
                    .collect()
            },
            participant_count: roster,
            anonymous_note: anonymous.then(|| {
                // A named session's anonymised variant says what it is.
                let key = match data.session.anonymity {
                    Anonymity::Anonymous => "report.anonymous",
                    _ => "report.anonymised",
                };
                tf(lang, key, &[("n", &roster.to_string())])
            }),
            synthesis: SynthesisView {
                text: syn.text.clone(),
                blocks_heading: blocks_heading(lang, syn.blocks.len()),
                blocks: syn
                    .blocks
                    .iter()
                    .map(|b| (b.title.clone(), b.text.clone()))
                    .collect(),
                proposal: syn.proposal.clone(),
                is_empty: syn.is_empty(),
                sources: super::synthesis_trace::sources(data),
            },
            discussion,
            ideas,
            resources,
            parking,
            decisions: data
                .logged_decisions()
                .map(|d| DecisionView {
                    text: d.text.clone(),
                    time: local_time(lang, &d.decided_at),
                    decided_at: format_time(&d.decided_at),
                })
                .collect(),
            actions: actions(data, &names, lang),
            stats: super::stats::stats(data, &shown, &names, lang),
            participation: super::participation::build(data, &shown, &names, lang),
            votes: super::votes::build(data, &shown, lang),
            labels: LABELS
                .iter()
                .map(|k| match *k {
                    // "Porteuse : Florence Mensah" names the lead's role.
                    "lead" => (*k, lead_label.clone()),
                    "by_origin" | "origin" => {
                        (*k, t(lang, &format!("inbox.report_{k}")).to_string())
                    }
                    _ => (*k, t(lang, &format!("report.{k}")).to_string()),
                })
                .collect(),
            themes: super::themes::build(data, &names, lang),
            trace: super::trace::build(data, &names, lang),
            shared: super::structures::build(data, &names, lang),
            spoken: Vec::new(),
            choices,
            place: s.place.clone(),
            review: None,
            theme_votes: super::theme_votes::build(data, lang),
        };
        super::choices::apply(&mut report, data, &names);
        report
    }

    pub fn label<'a>(&'a self, key: &'a str) -> &'a str {
        self.labels.get(key).map(String::as_str).unwrap_or(key)
    }
}

/// Whether a report built with `options` reads the session as anonymous:
/// run so, or anonymised for its readers.
pub(super) fn reads_anonymous(data: &SessionData, options: super::Options) -> bool {
    data.session.anonymity == Anonymity::Anonymous || options.anonymise
}

/// What a report shows of the contributions, stage after stage: each
/// stage's live contributions as its tree walks them (parents first, with
/// depths). The discussion, the statistics and the participation all
/// count over this, in the report and in `show`.
pub(super) fn stage_walks<'a>(
    data: &'a SessionData,
    tree: &'a Tree<'a>,
) -> impl Iterator<Item = (&'a Stage, Vec<(&'a Contribution, usize)>)> {
    data.stages
        .iter()
        .map(|stage| (stage, tree.walk_stage(stage.id)))
}

/// Turns a stage's walk (parents first, with depths) into nested items,
/// without recursion. Anything deeper than `MAX_DEPTH` (only a damaged
/// database or bundle holds that) is flattened onto the deepest level, so
/// every renderer's nesting stays bounded. Returns the top-level items
/// with their kinds.
pub(super) fn nest(
    walk: &[(&Contribution, usize)],
    stage: &str,
    names: &Names,
    lang: Lang,
) -> Vec<(Kind, Item)> {
    let mut tops = Vec::new();
    // The open chain from a top-level item down to the current one.
    let mut open: Vec<(Kind, Item)> = Vec::new();
    let close = |open: &mut Vec<(Kind, Item)>, tops: &mut Vec<(Kind, Item)>| {
        if let Some((kind, mut item)) = open.pop() {
            // Its sub-points are all in: a growing list keeps room for
            // several more, which on a large session weighs more than the
            // items themselves.
            item.children.shrink_to_fit();
            match open.last_mut() {
                Some((_, parent)) => parent.children.push(item),
                None => tops.push((kind, item)),
            }
        }
    };
    for (c, depth) in walk {
        let depth = (*depth).min(MAX_DEPTH);
        while open.len() > depth {
            close(&mut open, &mut tops);
        }
        let differs = open.last().is_some_and(|(parent, _)| *parent != c.kind);
        let mut item = Item::of(c, stage, names, lang);
        item.kind = differs.then_some(item.kind_label);
        open.push((c.kind, item));
    }
    while !open.is_empty() {
        close(&mut open, &mut tops);
    }
    tops
}

/// The parking lot as items: each parked contribution with the sub-points
/// parked with it, under the title of the stage it left.
fn parking(data: &SessionData, names: &Names, lang: Lang) -> Vec<Item> {
    let tree = Tree::of(data.contributions.iter().filter(|c| c.is_parked()));
    data.parked()
        .into_iter()
        .flat_map(|root| {
            let walk: Vec<_> = tree
                .walk(root, 0)
                .into_iter()
                .filter(|(c, _)| c.parked_at == root.parked_at)
                .collect();
            let stage = data.stage(root.stage_id).map_or("", |s| s.title.as_str());
            nest(&walk, stage, names, lang)
        })
        .map(|(_, item)| item)
        .collect()
}

/// The listed actions. Someone on the roster goes through the anonymity
/// rule; a name typed in is someone from outside the roster.
fn actions(data: &SessionData, names: &Names, lang: Lang) -> Vec<ActionView> {
    data.listed_actions()
        .map(|a| ActionView {
            text: a.text.clone(),
            who: names.action_owner(a),
            due: a.due.map(|d| crate::i18n::short_date(lang, d)),
            iso_due: a.due.map(|d| d.format("%Y-%m-%d").to_string()),
            done: a.done,
            status: t(
                lang,
                match (a.done, a.carried_to) {
                    (true, _) => "report.action_done",
                    (false, Some(_)) => "report.action_carried",
                    (false, None) => "report.action_open",
                },
            )
            .to_string()
                + &super::carry::carried_mark(a, lang),
            carried_over: a.carried_from.is_some(),
        })
        .collect()
}

/// An instant on this laptop's clock, as the language writes it.
pub fn local_time(lang: Lang, t: &Timestamp) -> String {
    let local = t.with_timezone(&chrono::Local);
    let pattern = match lang {
        Lang::Fr => "%d/%m/%Y %H:%M",
        Lang::En => "%Y-%m-%d %H:%M",
    };
    local.format(pattern).to_string()
}

/// "3 grandes briques", "1 building block".
pub fn blocks_heading(lang: Lang, n: usize) -> String {
    let key = match n {
        0 => "report.blocks_none",
        1 => "report.block_one",
        _ => "report.blocks",
    };
    tf(lang, key, &[("n", &n.to_string())])
}
