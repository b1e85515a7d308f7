//! The bundle's JSON shape (serde) and its writer.

use crate::model::{
    format_time, Anonymity, Contribution, Id, Kind, Lang, SessionData, SessionStatus, Structure,
};
use serde::{Deserialize, Serialize};

use super::{FORMAT, VERSION};

#[derive(Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    bound(deserialize = "C: Deserialize<'de> + Default")
)]
pub(super) struct Bundle<C = Vec<BContribution>> {
    pub(super) format: String,
    pub(super) version: u32,
    pub(super) session: BSession,
    #[serde(default)]
    pub(super) participants: Vec<BParticipant>,
    pub(super) stages: Vec<BStage<C>>,
    #[serde(default)]
    pub(super) synthesis: BSynthesis,
    /// The decision log (absent from bundles written before it existed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) decisions: Vec<BDecision>,
    /// The actions agreed (absent from bundles written before they existed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) actions: Vec<BAction>,
    /// The themes, in order (absent from bundles written before they existed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) themes: Vec<BTheme>,
    /// The dot vote (absent from bundles written before it existed, and
    /// when nothing was voted or set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) voting: Option<super::check_votes::BVoting>,
    /// Links between contributions (absent from bundles written before
    /// them): `from` answers `to`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) links: Vec<BLink>,
    /// Round-robin passes (version 3 on).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) passes: Vec<BPass>,
    /// The report's review cycle (version 4 on; absent before any
    /// version was published).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) review: Option<super::check_review::BReview>,
    /// Conflicts left by merges, open and settled (version 5 on), so that
    /// a conflict's copy stays one on the next laptop.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) merge_conflicts: Vec<super::check_conflicts::BConflict>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BTheme {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) created_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) removed_at: Option<String>,
    /// The ids of its contributions, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) items: Vec<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BLink {
    pub(super) id: String,
    pub(super) from: String,
    pub(super) to: String,
    pub(super) created_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) removed_at: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BPass {
    pub(super) id: String,
    pub(super) stage: String,
    pub(super) participant: String,
    pub(super) at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) removed_at: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BAction {
    pub(super) id: String,
    pub(super) text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) who_participant: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(super) who_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) due: Option<String>,
    #[serde(default)]
    pub(super) done: bool,
    pub(super) created_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) removed_at: Option<String>,
    /// The action of the previous session it was carried over from
    /// (version 3 on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) carried_from: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BDecision {
    pub(super) id: String,
    pub(super) text: String,
    pub(super) decided_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) removed_at: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BSession {
    pub(super) id: String,
    pub(super) title: String,
    #[serde(default)]
    pub(super) event: String,
    pub(super) date: String,
    pub(super) language: Lang,
    pub(super) template: String,
    #[serde(default)]
    pub(super) question: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(super) context: String,
    #[serde(default)]
    pub(super) lead: String,
    #[serde(default)]
    pub(super) anonymity: Anonymity,
    #[serde(default)]
    pub(super) status: SessionStatus,
    pub(super) created_at: String,
    pub(super) updated_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) archived_at: Option<String>,
    /// The session of the same workshop this one follows (version 3 on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) previous: Option<String>,
    /// How the report reads; left out when it is the default.
    #[serde(
        default,
        skip_serializing_if = "crate::model::ReportChoices::is_default"
    )]
    pub(super) report: crate::model::ReportChoices,
    /// Where the session took place; left out when not said.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(super) place: String,
    /// Keys the order of the anonymous report's pseudonyms, so the session
    /// keeps them on another laptop. Optional in every version: a bundle
    /// without it (older ones) gets a fresh seed at import.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) pseudonym_seed: Option<String>,
    /// When the closed session was reopened to correct its report; left
    /// out when never (its stage clocks no longer run).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) reopened_at: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BParticipant {
    pub(super) id: String,
    pub(super) name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(super) role: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) removed_at: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    bound(deserialize = "C: Deserialize<'de> + Default")
)]
pub(super) struct BStage<C = Vec<BContribution>> {
    pub(super) id: String,
    pub(super) key: String,
    pub(super) title: String,
    #[serde(default)]
    pub(super) planned_minutes: u32,
    /// Version 1 only: the stage's first start and last end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) started_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) ended_at: Option<String>,
    /// Version 2: every stretch of time the stage ran.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) segments: Vec<BSegment>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(super) notes: String,
    /// Read from a file, the stage's contributions; written, where they
    /// come from ([`StageContributions`]).
    #[serde(default)]
    pub(super) contributions: C,
    /// How the stage runs (absent: an open discussion).
    #[serde(default, skip_serializing_if = "Structure::is_plain")]
    pub(super) structure: Structure,
    /// When each step of its 1-2-4-All began, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) step_starts: Vec<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BSegment {
    pub(super) started_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) ended_at: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BContribution {
    pub(super) id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) parent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) participant: Option<String>,
    pub(super) kind: Kind,
    pub(super) text: String,
    pub(super) created_at: String,
    pub(super) updated_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) deleted_at: Option<String>,
    /// In the parking lot since then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) parked_at: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) revisions: Vec<BRevision>,
    /// The group that shared it in a 1-2-4-All's "All" step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) group: Option<u32>,
    /// A person's contribution stored without its author.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub(super) anonymous: bool,
    /// Where it came from ("room", "notes"); left out when typed by the
    /// facilitator, as every contribution of an earlier bundle was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) origin: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BRevision {
    pub(super) text: String,
    pub(super) replaced_at: String,
}

#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct BSynthesis {
    #[serde(default)]
    pub(super) text: String,
    #[serde(default)]
    pub(super) blocks: Vec<BBlock>,
    #[serde(default)]
    pub(super) proposal: String,
    /// The ids of the contributions the text builds on (optional).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) text_sources: Vec<String>,
    /// The ids of the contributions the proposal builds on (optional).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) proposal_sources: Vec<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BBlock {
    pub(super) title: String,
    #[serde(default)]
    pub(super) text: String,
    /// The ids of the contributions it builds on (optional).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) sources: Vec<String>,
}

/// newline, contributions in tree order.
pub fn to_json(data: &SessionData) -> String {
    let mut out = Vec::new();
    write_json(data, &mut out).expect("write to memory");
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// Calls its second argument with each contribution of the stage its
/// first names, in tree order, until that returns `false`: the
/// contributions of a loaded session, or read one at a time from the store
/// (`Store::each_contribution`).
pub type EachContribution<'a> =
    &'a dyn Fn(Id, &mut dyn FnMut(&Contribution) -> bool) -> std::io::Result<()>;

/// Writes the bundle (see `to_json`) to `out` as it is serialised.
pub fn write_json(data: &SessionData, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let each = |stage: Id, each: &mut dyn FnMut(&Contribution) -> bool| {
        let mut of_stage = data.contributions.iter().filter(|c| c.stage_id == stage);
        of_stage.try_for_each(|c| each(c).then_some(()));
        Ok(())
    };
    write_json_from(data, &each, out)
}

/// Writes the bundle of `data`, whose own `contributions` are not read:
/// each stage's come from `contributions` and are written as they come,
/// so that the output is never held whole, nor the session's texts.
pub fn write_json_from(
    data: &SessionData,
    contributions: EachContribution,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let s = &data.session;
    let bundle = Bundle {
        format: FORMAT.into(),
        version: VERSION,
        session: BSession {
            id: s.id.to_string(),
            title: s.title.clone(),
            event: s.event.clone(),
            date: s.date.format("%Y-%m-%d").to_string(),
            language: s.language,
            template: s.template.clone(),
            question: s.question.clone(),
            context: s.context.clone(),
            lead: s.lead.clone(),
            anonymity: s.anonymity,
            status: s.status,
            created_at: format_time(&s.created_at),
            updated_at: format_time(&s.updated_at),
            archived_at: s.archived_at.as_ref().map(format_time),
            previous: s.previous_id.map(|p| p.to_string()),
            report: s.report,
            place: s.place.clone(),
            pseudonym_seed: Some(s.pseudonym_seed.clone()).filter(|seed| !seed.is_empty()),
            reopened_at: s.reopened_at.as_ref().map(format_time),
        },
        participants: data
            .participants
            .iter()
            .map(|p| BParticipant {
                id: p.id.to_string(),
                name: p.name.clone(),
                role: p.role.clone(),
                removed_at: p.removed_at.as_ref().map(format_time),
            })
            .collect(),
        stages: data
            .stages
            .iter()
            .map(|st| BStage {
                id: st.id.to_string(),
                key: st.key.clone(),
                title: st.title.clone(),
                planned_minutes: st.planned_minutes,
                started_at: None,
                ended_at: None,
                segments: st
                    .segments
                    .iter()
                    .map(|g| BSegment {
                        started_at: format_time(&g.started_at),
                        ended_at: g.ended_at.as_ref().map(format_time),
                    })
                    .collect(),
                notes: st.notes.clone(),
                contributions: StageContributions {
                    stage: st.id,
                    each: contributions,
                },
                structure: st.structure,
                step_starts: st.step_starts.iter().map(format_time).collect(),
            })
            .collect(),
        synthesis: BSynthesis {
            text: data.synthesis.text.clone(),
            blocks: data
                .synthesis
                .blocks
                .iter()
                .map(|b| BBlock {
                    title: b.title.clone(),
                    text: b.text.clone(),
                    sources: ids(&b.sources),
                })
                .collect(),
            proposal: data.synthesis.proposal.clone(),
            text_sources: ids(&data.synthesis.text_sources),
            proposal_sources: ids(&data.synthesis.proposal_sources),
        },
        decisions: data
            .decisions
            .iter()
            .map(|d| BDecision {
                id: d.id.to_string(),
                text: d.text.clone(),
                decided_at: format_time(&d.decided_at),
                removed_at: d.removed_at.as_ref().map(format_time),
            })
            .collect(),
        actions: data
            .actions
            .iter()
            .map(|a| BAction {
                id: a.id.to_string(),
                text: a.text.clone(),
                who_participant: a.who_participant.map(|p| p.to_string()),
                who_name: a.who_name.clone(),
                due: a.due.map(|d| d.format("%Y-%m-%d").to_string()),
                done: a.done,
                created_at: format_time(&a.created_at),
                removed_at: a.removed_at.as_ref().map(format_time),
                carried_from: a.carried_from.map(|f| f.to_string()),
            })
            .collect(),
        passes: data
            .passes
            .iter()
            .map(|p| BPass {
                id: p.id.to_string(),
                stage: p.stage_id.to_string(),
                participant: p.participant_id.to_string(),
                at: format_time(&p.at),
                removed_at: p.removed_at.as_ref().map(format_time),
            })
            .collect(),
        themes: data
            .themes
            .iter()
            .map(|t| BTheme {
                id: t.id.to_string(),
                name: t.name.clone(),
                created_at: format_time(&t.created_at),
                removed_at: t.removed_at.as_ref().map(format_time),
                items: t.items.iter().map(|i| i.to_string()).collect(),
            })
            .collect(),
        voting: super::check_votes::export(&data.voting),
        links: data
            .links
            .iter()
            .map(|l| BLink {
                id: l.id.to_string(),
                from: l.from.to_string(),
                to: l.to.to_string(),
                created_at: format_time(&l.created_at),
                removed_at: l.removed_at.as_ref().map(format_time),
            })
            .collect(),
        review: super::check_review::export(&data.review),
        merge_conflicts: super::check_conflicts::export(&data.merge_conflicts),
    };
    crate::safe_json::to_writer_pretty(&mut *out, &bundle)?;
    out.write_all(b"\n")
}

/// A stage's contributions, serialised one at a time as they come.
pub(super) struct StageContributions<'a> {
    stage: Id,
    each: EachContribution<'a>,
}

impl Serialize for StageContributions<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let mut seq = serializer.serialize_seq(None)?;
        let mut failed = None;
        (self.each)(
            self.stage,
            &mut |c| match seq.serialize_element(&export_contribution(c)) {
                Ok(()) => true,
                Err(e) => {
                    failed = Some(e);
                    false
                }
            },
        )
        .map_err(S::Error::custom)?;
        match failed {
            Some(e) => Err(e),
            None => seq.end(),
        }
    }
}

fn ids(list: &[crate::model::Id]) -> Vec<String> {
    list.iter().map(|id| id.to_string()).collect()
}

fn export_contribution(c: &Contribution) -> BContribution {
    BContribution {
        id: c.id.to_string(),
        parent: c.parent_id.map(|p| p.to_string()),
        participant: c.participant_id.map(|p| p.to_string()),
        kind: c.kind,
        text: c.text.clone(),
        created_at: format_time(&c.created_at),
        updated_at: format_time(&c.updated_at),
        deleted_at: c.deleted_at.as_ref().map(format_time),
        parked_at: c.parked_at.as_ref().map(format_time),
        revisions: c
            .revisions
            .iter()
            .map(|r| BRevision {
                text: r.text.clone(),
                replaced_at: format_time(&r.replaced_at),
            })
            .collect(),
        group: c.group,
        anonymous: c.anonymous,
        origin: (!c.origin.is_facilitator()).then(|| c.origin.key().to_string()),
    }
}
