//! The report as JSON: the participants' data, for anyone who wants to
//! reuse it. Built from the view model like the Markdown and the HTML, so
//! it says exactly what they say (no names in an anonymous session, no
//! stage notes, deleted items or earlier versions). The complete record is
//! the bundle (`crate::bundle`), not this.
//!
//! Serialised straight from borrowed fields into the output, so no copy of
//! the report (or of the text) is built on the way.

use super::participation::Bar;
use super::{
    ActionView, Count, DecisionView, Group, GroupIdeas, Item, Report, SharedIdeas, StageTime, Stats,
};
use serde::ser::{Serialize, SerializeSeq, Serializer};
use serde::Serialize as DeriveSerialize;

/// Names this document among Atelier's JSON files (a bundle says
/// `atelier.session`).
pub const FORMAT: &str = "atelier.report";
/// The version of this document's shape (bundles check a version's stored
/// report data against it).
pub const VERSION: u32 = 1;

/// Writes the document to `out`, pretty-printed, with a final newline.
pub fn write(r: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    crate::safe_json::to_writer_pretty(&mut *out, &Doc::of(r))?;
    out.write_all(b"\n")
}

/// The same document on one line, without the session's status: what a
/// version's content hash covers (`review::content_hash`). Plain serde_json, never written to a file or
/// a terminal: hashes of versions published earlier stay valid.
pub(super) fn write_compact(r: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let content = Doc {
        status: None,
        ..Doc::of(r)
    };
    serde_json::to_writer(out, &content)?;
    Ok(())
}

/// The document, in the order its fields are written.
#[derive(DeriveSerialize)]
struct Doc<'a> {
    format: &'static str,
    version: u32,
    language: &'a str,
    title: &'a str,
    event: &'a str,
    date: &'a str,
    /// Where the session took place (empty when not said).
    place: &'a str,
    /// The session's state; left out of the compact document a version's
    /// hash covers (`model::review::NOT_CONTENT`).
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'a str>,
    question: &'a str,
    context: &'a str,
    lead: &'a str,
    anonymous: bool,
    participant_count: usize,
    participants: &'a [String],
    synthesis: Synthesis<'a>,
    discussion: Seq<'a, Group, GroupDoc<'a>>,
    ideas: Items<'a>,
    resources: Items<'a>,
    parking: Items<'a>,
    /// From each proposal back to the observations that led to it.
    trace: Items<'a>,
    decisions: Seq<'a, DecisionView, Decision<'a>>,
    actions: Seq<'a, ActionView, ActionDoc<'a>>,
    stats: StatsDoc<'a>,
    /// Ideas by theme (themes that hold something shown).
    themes: Seq<'a, super::ThemeView, ThemeDoc<'a>>,
    votes: VotesDoc<'a>,
    /// The 1-2-4-All stages' shared ideas, by group (absent when none).
    #[serde(skip_serializing_if = "Seq::is_empty")]
    shared_ideas: Seq<'a, SharedIdeas, SharedDoc<'a>>,
    participation: ParticipationDoc<'a>,
    /// Which version of the report this is (absent before the first).
    #[serde(skip_serializing_if = "Option::is_none")]
    review: Option<&'a super::ReviewView>,
}

/// A theme: its name, the ids of its items (to rank themes by their
/// items' votes) and the items as the report shows them.
#[derive(DeriveSerialize)]
struct ThemeDoc<'a> {
    id: &'a str,
    name: &'a str,
    item_ids: &'a [String],
    items: Items<'a>,
}

/// Contributions per present participant, with their share and passes;
/// in an anonymous session only the totals (`by_participant` is empty).
#[derive(DeriveSerialize)]
struct ParticipationDoc<'a> {
    contributions: usize,
    people: usize,
    passes: usize,
    by_participant: Seq<'a, Bar, ShareDoc<'a>>,
}

#[derive(DeriveSerialize)]
struct ShareDoc<'a> {
    name: &'a str,
    contributions: usize,
    share_percent: usize,
    under_even_share: bool,
    passes: usize,
}

impl<'a> Doc<'a> {
    fn of(r: &'a Report) -> Doc<'a> {
        Doc {
            format: FORMAT,
            version: VERSION,
            language: r.lang,
            title: &r.title,
            event: &r.event,
            date: &r.iso_date,
            place: r.place.trim(),
            status: Some(r.status),
            question: &r.question,
            context: &r.context,
            lead: &r.lead,
            anonymous: r.anonymous_note.is_some(),
            participant_count: r.participant_count,
            participants: &r.participants,
            synthesis: Synthesis {
                text: &r.synthesis.text,
                blocks: Seq::new(&r.synthesis.blocks, |(title, text)| Block { title, text }),
                proposal: &r.synthesis.proposal,
                sources: &r.synthesis.sources,
            },
            discussion: Seq::new(&r.discussion, |g| GroupDoc {
                kind: g.key,
                heading: &g.heading,
                items: items(&g.items),
            }),
            ideas: items(&r.ideas),
            resources: items(&r.resources),
            parking: items(&r.parking),
            trace: items(&r.trace.chains),
            decisions: Seq::new(&r.decisions, |d| Decision {
                text: &d.text,
                decided_at: &d.decided_at,
            }),
            actions: Seq::new(&r.actions, |a| ActionDoc {
                text: &a.text,
                who: a.who.as_deref(),
                due: a.iso_due.as_deref(),
                status: if a.done { "done" } else { "open" },
                carried_over: a.carried_over,
            }),
            stats: StatsDoc::of(&r.stats),
            themes: Seq::new(&r.themes, |t| ThemeDoc {
                id: &t.id,
                name: &t.name,
                item_ids: &t.item_ids,
                items: items(&t.items),
            }),
            votes: VotesDoc {
                dots_per_participant: r.votes.dots_per_participant,
                total: r.votes.total,
                ranking: Seq::new(&r.votes.ranking, |v| RankedDoc {
                    id: &v.id,
                    text: &v.text,
                    kind: &v.kind_label,
                    rank: v.rank,
                    tied: v.tied,
                    dots: v.dots,
                }),
                themes: Seq::new(&r.theme_votes.ranking, |v| RankedThemeDoc {
                    id: &v.id,
                    name: &v.text,
                    rank: v.rank,
                    tied: v.tied,
                    dots: v.dots,
                }),
            },
            shared_ideas: Seq::new(&r.shared, |s| SharedDoc {
                stage: &s.stage,
                groups: Seq::new(&s.groups, |g| GroupIdeasDoc {
                    group: g.number,
                    items: items(&g.items),
                }),
            }),
            participation: ParticipationDoc {
                contributions: r.participation.total,
                people: r.participation.people,
                passes: r.participation.passes,
                by_participant: Seq::new(&r.participation.bars, |b| ShareDoc {
                    name: &b.label,
                    contributions: b.count,
                    share_percent: b.percent,
                    under_even_share: b.under,
                    passes: b.passes,
                }),
            },
            review: r.review.as_ref(),
        }
    }
}

/// The dot vote: counts only, never who placed a dot.
#[derive(DeriveSerialize)]
struct VotesDoc<'a> {
    dots_per_participant: u32,
    total: u32,
    ranking: Seq<'a, super::RankedItem, RankedDoc<'a>>,
    /// Themes ranked by their items' dots, ties sharing a rank.
    themes: Seq<'a, super::RankedItem, RankedThemeDoc<'a>>,
}

#[derive(DeriveSerialize)]
struct RankedThemeDoc<'a> {
    id: &'a str,
    name: &'a str,
    rank: usize,
    tied: bool,
    dots: u32,
}

#[derive(DeriveSerialize)]
struct RankedDoc<'a> {
    id: &'a str,
    text: &'a str,
    kind: &'a str,
    rank: usize,
    tied: bool,
    dots: u32,
}

#[derive(DeriveSerialize)]
struct SharedDoc<'a> {
    stage: &'a str,
    groups: Seq<'a, GroupIdeas, GroupIdeasDoc<'a>>,
}

#[derive(DeriveSerialize)]
struct GroupIdeasDoc<'a> {
    group: u32,
    items: Items<'a>,
}

#[derive(DeriveSerialize)]
struct Synthesis<'a> {
    text: &'a str,
    blocks: Seq<'a, (String, String), Block<'a>>,
    proposal: &'a str,
    /// What each part builds on: ids of contributions in this report.
    sources: &'a crate::report::SynthesisSources,
}

#[derive(DeriveSerialize)]
struct Decision<'a> {
    text: &'a str,
    decided_at: &'a str,
}

/// An action: who as the anonymity rule allows, the due date in ISO form,
/// the status as a stable word (`open`, `done`) for scripts.
#[derive(DeriveSerialize)]
struct ActionDoc<'a> {
    text: &'a str,
    who: Option<&'a str>,
    due: Option<&'a str>,
    status: &'static str,
    /// Carried over from the previous session of the workshop.
    carried_over: bool,
}

#[derive(DeriveSerialize)]
struct Block<'a> {
    title: &'a str,
    text: &'a str,
}

#[derive(DeriveSerialize)]
struct GroupDoc<'a> {
    kind: &'a str,
    heading: &'a str,
    items: Items<'a>,
}

#[derive(DeriveSerialize)]
struct StatsDoc<'a> {
    total: usize,
    by_participant: Seq<'a, Count, Row<'a>>,
    by_stage: Seq<'a, Count, Row<'a>>,
    by_kind: Seq<'a, Count, Row<'a>>,
    /// Minutes per stage, planned and actual, then the session's totals.
    time_by_stage: Seq<'a, StageTime, TimeRow<'a>>,
    planned_minutes: u32,
    actual_minutes: u32,
    /// Contributions per origin (empty when the facilitator typed all).
    by_origin: Seq<'a, Count, Row<'a>>,
    /// The room's inputs, merged ones included (absent when it sent none).
    #[serde(skip_serializing_if = "Option::is_none")]
    room_inputs: Option<RoomInputsDoc>,
}

/// The room's inputs as numbers (the sentence is for readers).
#[derive(DeriveSerialize)]
struct RoomInputsDoc {
    inputs: usize,
    recorded: usize,
    merged: usize,
}

#[derive(DeriveSerialize)]
struct TimeRow<'a> {
    label: &'a str,
    planned_minutes: u32,
    actual_minutes: u32,
}

impl<'a> StatsDoc<'a> {
    fn of(s: &'a Stats) -> StatsDoc<'a> {
        let rows = |list: &'a [Count]| {
            Seq::new(list, |c: &'a Count| Row {
                label: &c.label,
                count: c.count,
            })
        };
        StatsDoc {
            total: s.total,
            by_participant: rows(&s.by_participant),
            by_stage: rows(&s.by_stage),
            by_kind: rows(&s.by_kind),
            time_by_stage: Seq::new(&s.time.stages, |t: &'a StageTime| TimeRow {
                label: &t.label,
                planned_minutes: t.planned,
                actual_minutes: t.actual,
            }),
            planned_minutes: s.time.planned,
            actual_minutes: s.time.actual,
            by_origin: rows(&s.by_origin),
            room_inputs: s.room_inputs.as_ref().map(|r| RoomInputsDoc {
                inputs: r.inputs,
                recorded: r.recorded,
                merged: r.merged,
            }),
        }
    }
}

#[derive(DeriveSerialize)]
struct Row<'a> {
    label: &'a str,
    count: usize,
}

/// A list serialised element by element through `view`, never collected.
struct Seq<'a, T, V> {
    list: &'a [T],
    view: fn(&'a T) -> V,
}

impl<'a, T, V> Seq<'a, T, V> {
    fn new(list: &'a [T], view: fn(&'a T) -> V) -> Self {
        Seq { list, view }
    }

    fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

impl<'a, T, V: Serialize> Serialize for Seq<'a, T, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.list.len()))?;
        for element in self.list {
            seq.serialize_element(&(self.view)(element))?;
        }
        seq.end()
    }
}

type Items<'a> = Seq<'a, Item, JsonItem<'a>>;

fn items(list: &[Item]) -> Items<'_> {
    Seq::new(list, JsonItem)
}

/// One contribution with its sub-points. The view model bounds the
/// nesting (`MAX_DEPTH`), so this recursion is bounded too.
struct JsonItem<'a>(&'a Item);

impl Serialize for JsonItem<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let item = self.0;
        let mut st = s.serialize_struct("Item", 7)?;
        st.serialize_field("id", &item.id)?;
        st.serialize_field("stage", &item.stage)?;
        st.serialize_field("kind", &item.kind_label)?;
        st.serialize_field("author", &item.author)?;
        st.serialize_field("text", &item.text)?;
        st.serialize_field("created_at", &item.created_at)?;
        // Only items shared by a 1-2-4-All group carry one.
        match item.group {
            Some(group) => st.serialize_field("group", &group)?,
            None => st.skip_field("group")?,
        }
        st.serialize_field("children", &items(&item.children))?;
        st.serialize_field("origin", &item.origin)?;
        st.end()
    }
}
