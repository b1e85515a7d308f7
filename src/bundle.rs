//! Session bundles: one whole session in a versioned JSON file, to share,
//! archive or move between laptops. Import checks everything before writing
//! and writes all or nothing; export → import → export is byte-identical.
//! The format is documented in `sessions/README.md`.

use crate::model::{
    format_time, parse_time, Anonymity, BuildingBlock, Contribution, Id, Kind, Lang, Participant,
    Revision, Session, SessionData, SessionStatus, Stage, Synthesis, Timestamp,
};
use crate::store::{Store, StoreError};
use crate::templates::Catalog;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::Path;

pub const FORMAT: &str = "atelier.session";
pub const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Bundle {
    format: String,
    version: u32,
    session: BSession,
    #[serde(default)]
    participants: Vec<BParticipant>,
    stages: Vec<BStage>,
    #[serde(default)]
    synthesis: BSynthesis,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BSession {
    id: String,
    title: String,
    #[serde(default)]
    event: String,
    date: String,
    language: Lang,
    template: String,
    #[serde(default)]
    question: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    context: String,
    #[serde(default)]
    lead: String,
    #[serde(default)]
    anonymity: Anonymity,
    #[serde(default)]
    status: SessionStatus,
    created_at: String,
    updated_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    archived_at: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BParticipant {
    id: String,
    name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    role: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    removed_at: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BStage {
    id: String,
    key: String,
    title: String,
    #[serde(default)]
    planned_minutes: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    started_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ended_at: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    notes: String,
    #[serde(default)]
    contributions: Vec<BContribution>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BContribution {
    id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    parent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    participant: Option<String>,
    kind: Kind,
    text: String,
    created_at: String,
    updated_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    deleted_at: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    revisions: Vec<BRevision>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BRevision {
    text: String,
    replaced_at: String,
}

#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct BSynthesis {
    #[serde(default)]
    text: String,
    #[serde(default)]
    blocks: Vec<BBlock>,
    #[serde(default)]
    proposal: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BBlock {
    title: String,
    #[serde(default)]
    text: String,
}

/// Why a bundle was refused: the file, where in it, and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct BundleError {
    pub file: String,
    /// A JSON path such as `stages[2].contributions[5].kind`, or a line and
    /// column when the file is not valid JSON.
    pub place: String,
    pub problem: String,
}

impl std::fmt::Display for BundleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.place.is_empty() {
            write!(f, "{}: {}", self.file, self.problem)
        } else {
            write!(f, "{}: {}: {}", self.file, self.place, self.problem)
        }
    }
}

impl std::error::Error for BundleError {}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Bundle(#[from] BundleError),
    #[error("{file}: {source}")]
    Store { file: String, source: StoreError },
}

/// Serialises a session as a bundle: pretty JSON, two-space indent, final
/// newline, contributions in tree order.
pub fn to_json(data: &SessionData) -> String {
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
                started_at: st.started_at.as_ref().map(format_time),
                ended_at: st.ended_at.as_ref().map(format_time),
                notes: st.notes.clone(),
                contributions: data
                    .contributions
                    .iter()
                    .filter(|c| c.stage_id == st.id)
                    .map(export_contribution)
                    .collect(),
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
                })
                .collect(),
            proposal: data.synthesis.proposal.clone(),
        },
    };
    let mut out = serde_json::to_string_pretty(&bundle).expect("bundle serialises");
    out.push('\n');
    out
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
        revisions: c
            .revisions
            .iter()
            .map(|r| BRevision {
                text: r.text.clone(),
                replaced_at: format_time(&r.replaced_at),
            })
            .collect(),
    }
}

/// Parses and validates a bundle's text; `file` names it in errors.
pub fn parse(file: &str, text: &str, catalog: &Catalog) -> Result<SessionData, BundleError> {
    let de = &mut serde_json::Deserializer::from_str(text);
    let bundle: Bundle = serde_path_to_error::deserialize(de).map_err(|e| {
        let inner = e.inner();
        let path = e.path().to_string();
        let place = if inner.is_syntax() || inner.is_eof() || path == "." {
            format!("line {}, column {}", inner.line(), inner.column())
        } else {
            path
        };
        BundleError {
            file: file.into(),
            place,
            problem: crate::templates::strip_position(&inner.to_string()),
        }
    })?;
    Checker {
        file,
        catalog,
        ids: HashSet::new(),
    }
    .check(bundle)
}

/// Reads, validates and stores one bundle file; returns the new session id.
pub fn import_file(store: &mut Store, catalog: &Catalog, path: &Path) -> Result<Id, ImportError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| BundleError {
        file: file.clone(),
        place: String::new(),
        problem: format!("cannot be read: {e}"),
    })?;
    let data = parse(&file, &text, catalog)?;
    store
        .insert_session_data(&data)
        .map_err(|source| ImportError::Store { file, source })?;
    Ok(data.session.id)
}

struct Checker<'a> {
    file: &'a str,
    catalog: &'a Catalog,
    /// Every id seen so far: ids are unique across the whole bundle.
    ids: HashSet<Id>,
}

impl Checker<'_> {
    fn err(&self, place: impl Into<String>, problem: impl Into<String>) -> BundleError {
        BundleError {
            file: self.file.into(),
            place: place.into(),
            problem: problem.into(),
        }
    }

    fn id(&mut self, place: String, value: &str) -> Result<Id, BundleError> {
        let id = Id::parse_str(value)
            .map_err(|_| self.err(&place, format!("\"{value}\" is not a valid id (UUID)")))?;
        if !self.ids.insert(id) {
            return Err(self.err(place, format!("id {value} is used twice")));
        }
        Ok(id)
    }

    fn time(&self, place: String, value: &str) -> Result<Timestamp, BundleError> {
        parse_time(value).ok_or_else(|| {
            self.err(
                place,
                format!(
                    "\"{value}\" is not a date and time (expected e.g. 2021-03-18T09:30:00.000Z)"
                ),
            )
        })
    }

    fn opt_time(
        &self,
        place: String,
        value: &Option<String>,
    ) -> Result<Option<Timestamp>, BundleError> {
        value.as_deref().map(|v| self.time(place, v)).transpose()
    }

    fn check(mut self, b: Bundle) -> Result<SessionData, BundleError> {
        if b.format != FORMAT {
            return Err(self.err(
                "format",
                format!("expected \"{FORMAT}\", found \"{}\"", b.format),
            ));
        }
        if b.version != VERSION {
            return Err(self.err(
                "version",
                format!(
                    "unsupported version {} (this Atelier reads version {VERSION})",
                    b.version
                ),
            ));
        }
        let session = self.session(&b.session)?;
        let template = self.catalog.get(&session.template).ok_or_else(|| {
            self.err(
                "session.template",
                format!(
                    "unknown template \"{}\" (known: {})",
                    session.template,
                    self.catalog.keys()
                ),
            )
        })?;
        let mut participants = Vec::new();
        for (i, p) in b.participants.iter().enumerate() {
            let id = self.id(format!("participants[{i}].id"), &p.id)?;
            if p.name.trim().is_empty() {
                return Err(self.err(format!("participants[{i}].name"), "the name is empty"));
            }
            participants.push(Participant {
                id,
                name: p.name.clone(),
                role: p.role.clone(),
                position: i as i64 + 1,
                removed_at: self
                    .opt_time(format!("participants[{i}].removed_at"), &p.removed_at)?,
            });
        }
        let known_people: HashSet<Id> = participants.iter().map(|p| p.id).collect();
        let mut stages = Vec::new();
        let mut contributions = Vec::new();
        let mut keys = HashSet::new();
        for (i, st) in b.stages.iter().enumerate() {
            let at = format!("stages[{i}]");
            let id = self.id(format!("{at}.id"), &st.id)?;
            if template.stage(&st.key).is_none() {
                let known: Vec<&str> = template.stages.iter().map(|s| s.key.as_str()).collect();
                return Err(self.err(
                    format!("{at}.key"),
                    format!(
                        "unknown stage \"{}\" for template \"{}\" (known: {})",
                        st.key,
                        template.key,
                        known.join(", ")
                    ),
                ));
            }
            if !keys.insert(st.key.as_str()) {
                return Err(self.err(
                    format!("{at}.key"),
                    format!("stage \"{}\" appears twice", st.key),
                ));
            }
            stages.push(Stage {
                id,
                key: st.key.clone(),
                title: st.title.clone(),
                position: i as i64 + 1,
                planned_minutes: st.planned_minutes,
                started_at: self.opt_time(format!("{at}.started_at"), &st.started_at)?,
                ended_at: self.opt_time(format!("{at}.ended_at"), &st.ended_at)?,
                notes: st.notes.clone(),
            });
            self.contributions(&at, id, st, &known_people, &mut contributions)?;
        }
        let synthesis = Synthesis {
            text: b.synthesis.text,
            blocks: b
                .synthesis
                .blocks
                .into_iter()
                .map(|bb| BuildingBlock {
                    title: bb.title,
                    text: bb.text,
                })
                .collect(),
            proposal: b.synthesis.proposal,
        };
        Ok(SessionData {
            session,
            participants,
            stages,
            contributions,
            synthesis,
        })
    }

    fn session(&mut self, s: &BSession) -> Result<Session, BundleError> {
        let id = self.id("session.id".into(), &s.id)?;
        if s.title.trim().is_empty() {
            return Err(self.err("session.title", "the title is empty"));
        }
        let date = NaiveDate::parse_from_str(&s.date, "%Y-%m-%d").map_err(|_| {
            self.err(
                "session.date",
                format!("\"{}\" is not a date (expected YYYY-MM-DD)", s.date),
            )
        })?;
        Ok(Session {
            id,
            title: s.title.clone(),
            event: s.event.clone(),
            date,
            language: s.language,
            template: s.template.clone(),
            question: s.question.clone(),
            context: s.context.clone(),
            lead: s.lead.clone(),
            anonymity: s.anonymity,
            status: s.status,
            created_at: self.time("session.created_at".into(), &s.created_at)?,
            updated_at: self.time("session.updated_at".into(), &s.updated_at)?,
            archived_at: self.opt_time("session.archived_at".into(), &s.archived_at)?,
        })
    }

    fn contributions(
        &mut self,
        at: &str,
        stage: Id,
        st: &BStage,
        people: &HashSet<Id>,
        out: &mut Vec<Contribution>,
    ) -> Result<(), BundleError> {
        // Positions follow the order in the file, counted per parent.
        let mut next: HashMap<Option<Id>, i64> = HashMap::new();
        let mut in_stage: HashSet<Id> = HashSet::new();
        for (j, c) in st.contributions.iter().enumerate() {
            let at = format!("{at}.contributions[{j}]");
            let id = self.id(format!("{at}.id"), &c.id)?;
            let participant = match &c.participant {
                None => None,
                Some(p) => {
                    let pid = Id::parse_str(p).ok().filter(|pid| people.contains(pid));
                    Some(pid.ok_or_else(|| {
                        self.err(
                            format!("{at}.participant"),
                            format!("unknown participant \"{p}\""),
                        )
                    })?)
                }
            };
            let parent = match &c.parent {
                None => None,
                Some(p) => {
                    let pid = Id::parse_str(p).ok().filter(|pid| in_stage.contains(pid));
                    Some(pid.ok_or_else(|| {
                        self.err(
                            format!("{at}.parent"),
                            format!(
                                "broken parent link: \"{p}\" is not an earlier contribution of this stage"
                            ),
                        )
                    })?)
                }
            };
            if c.text.trim().is_empty() {
                return Err(self.err(format!("{at}.text"), "the text is empty"));
            }
            let mut revisions = Vec::new();
            for (k, r) in c.revisions.iter().enumerate() {
                revisions.push(Revision {
                    text: r.text.clone(),
                    replaced_at: self
                        .time(format!("{at}.revisions[{k}].replaced_at"), &r.replaced_at)?,
                });
            }
            let position = next.entry(parent).or_insert(0);
            *position += 1;
            in_stage.insert(id);
            out.push(Contribution {
                id,
                stage_id: stage,
                participant_id: participant,
                kind: c.kind,
                text: c.text.clone(),
                parent_id: parent,
                position: *position,
                created_at: self.time(format!("{at}.created_at"), &c.created_at)?,
                updated_at: self.time(format!("{at}.updated_at"), &c.updated_at)?,
                deleted_at: self.opt_time(format!("{at}.deleted_at"), &c.deleted_at)?,
                revisions,
            });
        }
        Ok(())
    }
}
