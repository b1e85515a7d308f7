//! Validation of a parsed bundle: every field's form and range, ids,
//! references and nesting, before anything is written.

use super::format::{BSession, BStage, Bundle};
use super::{BundleError, FORMAT, OLDEST_VERSION, VERSION};
use crate::model::{
    check_time, parse_date, BuildingBlock, Contribution, Id, Participant, Revision, Segment,
    Session, SessionData, Stage, Synthesis, TimeError, Timestamp, MAX_DEPTH, YEARS,
};
use crate::templates::Catalog;
use std::collections::{HashMap, HashSet};

/// A validated bundle and where each of its ids sits in the file, so that
/// a clash found later (with the database, another file) names its place.
pub(super) struct Checked {
    pub data: SessionData,
    pub places: Vec<(Id, String)>,
}

pub(super) struct Checker<'a> {
    pub file: &'a str,
    pub catalog: &'a Catalog,
    /// Every id seen so far (ids are unique across the whole bundle), with
    /// its place.
    pub ids: HashMap<Id, String>,
    pub places: Vec<(Id, String)>,
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
        if let Some(first) = self.ids.get(&id) {
            return Err(self.err(
                &place,
                format!("id {value} is used twice (first at {first})"),
            ));
        }
        self.ids.insert(id, place.clone());
        self.places.push((id, place));
        Ok(id)
    }

    fn time(&self, place: String, value: &str) -> Result<Timestamp, BundleError> {
        check_time(value).map_err(|e| {
            let problem = match e {
                TimeError::Syntax => format!(
                    "\"{value}\" is not a date and time (expected e.g. 2021-03-18T09:30:00.000Z)"
                ),
                TimeError::OutOfRange => format!(
                    "\"{value}\" is outside the years {:04}-{} once converted to UTC",
                    YEARS.start(),
                    YEARS.end()
                ),
            };
            self.err(place, problem)
        })
    }

    fn opt_time(
        &self,
        place: String,
        value: &Option<String>,
    ) -> Result<Option<Timestamp>, BundleError> {
        value.as_deref().map(|v| self.time(place, v)).transpose()
    }

    /// A stage's time: version 2 lists segments; in version 1 the start
    /// and end become one segment (open when the stage had not ended).
    fn segments(&self, at: &str, version: u32, st: &BStage) -> Result<Vec<Segment>, BundleError> {
        let (field, foreign) = if version < 2 {
            ("segments", !st.segments.is_empty())
        } else {
            (
                "started_at",
                st.started_at.is_some() || st.ended_at.is_some(),
            )
        };
        if foreign {
            return Err(self.err(
                format!("{at}.{field}"),
                format!("not part of bundle version {version}"),
            ));
        }
        if version < 2 {
            let started = self.opt_time(format!("{at}.started_at"), &st.started_at)?;
            let ended = self.opt_time(format!("{at}.ended_at"), &st.ended_at)?;
            return match (started, ended) {
                (Some(started_at), Some(end)) if end < started_at => {
                    Err(self.err(format!("{at}.ended_at"), "ends before it starts"))
                }
                (Some(started_at), ended_at) => Ok(vec![Segment {
                    started_at,
                    ended_at,
                }]),
                (None, None) => Ok(Vec::new()),
                (None, Some(_)) => {
                    Err(self.err(format!("{at}.ended_at"), "an end without a start"))
                }
            };
        }
        let count = st.segments.len();
        st.segments
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let place = format!("{at}.segments[{i}]");
                let ended_at = self.opt_time(format!("{place}.ended_at"), &g.ended_at)?;
                if ended_at.is_none() && i + 1 < count {
                    return Err(self.err(
                        format!("{place}.ended_at"),
                        "only the last segment may still be running",
                    ));
                }
                let started_at = self.time(format!("{place}.started_at"), &g.started_at)?;
                if ended_at.is_some_and(|end| end < started_at) {
                    return Err(self.err(format!("{place}.ended_at"), "ends before it starts"));
                }
                Ok(Segment {
                    started_at,
                    ended_at,
                })
            })
            .collect()
    }

    pub fn check(mut self, b: Bundle) -> Result<Checked, BundleError> {
        if b.format != FORMAT {
            return Err(self.err(
                "format",
                format!("expected \"{FORMAT}\", found \"{}\"", b.format),
            ));
        }
        if !(OLDEST_VERSION..=VERSION).contains(&b.version) {
            return Err(self.err(
                "version",
                format!(
                    "unsupported version {} (this Atelier reads versions {OLDEST_VERSION} to {VERSION})",
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
        if b.stages.is_empty() {
            let known: Vec<&str> = template.stages.iter().map(|s| s.key.as_str()).collect();
            return Err(self.err(
                "stages",
                format!(
                    "a session needs at least one stage (template \"{}\" has: {})",
                    template.key,
                    known.join(", ")
                ),
            ));
        }
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
                segments: self.segments(&at, b.version, st)?,
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
        Ok(Checked {
            data: SessionData {
                session,
                participants,
                stages,
                contributions,
                synthesis,
            },
            places: self.places,
        })
    }

    fn session(&mut self, s: &BSession) -> Result<Session, BundleError> {
        let id = self.id("session.id".into(), &s.id)?;
        if s.title.trim().is_empty() {
            return Err(self.err("session.title", "the title is empty"));
        }
        let date = parse_date(&s.date).ok_or_else(|| {
            self.err(
                "session.date",
                format!(
                    "\"{}\" is not a date (expected YYYY-MM-DD, years {:04}-{})",
                    s.date,
                    YEARS.start(),
                    YEARS.end()
                ),
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
        // Each earlier contribution of this stage, with its depth.
        let mut depth: HashMap<Id, usize> = HashMap::new();
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
                    let pid = Id::parse_str(p).ok().filter(|pid| depth.contains_key(pid));
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
            let level = parent.map_or(0, |p| depth[&p] + 1);
            if level > MAX_DEPTH {
                return Err(self.err(
                    format!("{at}.parent"),
                    format!(
                        "nested {level} levels deep; sub-points go at most {MAX_DEPTH} levels deep"
                    ),
                ));
            }
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
            depth.insert(id, level);
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
