//! Validation of a parsed bundle: every field's form and range, ids,
//! references and nesting, before anything is written.

mod themes;

use super::format::{BAction, BSession, BStage, Bundle};

#[path = "check_follow.rs"]
mod follow;
use super::{BundleError, Problem, FORMAT, OLDEST_VERSION, VERSION};
use crate::model::{
    check_time, parse_date, Action, Contribution, Decision, Id, Participant, Revision, Segment,
    Session, SessionData, Stage, TimeError, Timestamp, MAX_DEPTH, YEARS,
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
    fn err(&self, place: impl Into<String>, problem: Problem) -> BundleError {
        BundleError {
            file: self.file.into(),
            place: place.into(),
            problem,
        }
    }

    /// An error worded by the `bundle.*` text `key`, filled with `args`.
    pub(super) fn said(
        &self,
        place: impl Into<String>,
        key: &'static str,
        args: &[(&'static str, &dyn ToString)],
    ) -> BundleError {
        self.err(place, Problem::said(key, args))
    }

    /// `value` as the id of one of `known`, or the error `key` at `place`:
    /// the one check of every reference a bundle makes.
    pub(super) fn known_id(
        &self,
        place: String,
        value: &str,
        known: &std::collections::HashSet<Id>,
        key: &'static str,
    ) -> Result<Id, BundleError> {
        Id::parse_str(value)
            .ok()
            .filter(|id| known.contains(id))
            .ok_or_else(|| self.said(place, key, &[("value", &value)]))
    }

    pub(super) fn id(&mut self, place: String, value: &str) -> Result<Id, BundleError> {
        let id = Id::parse_str(value)
            .map_err(|_| self.said(&place, "bundle.not_an_id", &[("value", &value)]))?;
        if let Some(first) = self.ids.get(&id) {
            return Err(self.said(
                &place,
                "bundle.id_twice",
                &[("id", &value), ("first", first)],
            ));
        }
        self.ids.insert(id, place.clone());
        self.places.push((id, place));
        Ok(id)
    }

    pub(super) fn time(&self, place: String, value: &str) -> Result<Timestamp, BundleError> {
        check_time(value).map_err(|e| match e {
            TimeError::Syntax => self.said(place, "bundle.not_a_time", &[("value", &value)]),
            TimeError::OutOfRange => self.said(
                place,
                "bundle.time_out_of_range",
                &[
                    ("value", &value),
                    ("first", &first_year()),
                    ("last", YEARS.end()),
                ],
            ),
        })
    }

    pub(super) fn opt_time(
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
            return Err(self.said(
                format!("{at}.{field}"),
                "bundle.not_in_version",
                &[("version", &version)],
            ));
        }
        if version < 2 {
            let started = self.opt_time(format!("{at}.started_at"), &st.started_at)?;
            let ended = self.opt_time(format!("{at}.ended_at"), &st.ended_at)?;
            return match (started, ended) {
                (Some(started_at), Some(end)) if end < started_at => {
                    Err(self.said(format!("{at}.ended_at"), "bundle.ends_before_start", &[]))
                }
                (Some(started_at), ended_at) => Ok(vec![Segment {
                    started_at,
                    ended_at,
                }]),
                (None, None) => Ok(Vec::new()),
                (None, Some(_)) => {
                    Err(self.said(format!("{at}.ended_at"), "bundle.end_without_start", &[]))
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
                    return Err(self.said(
                        format!("{place}.ended_at"),
                        "bundle.only_last_running",
                        &[],
                    ));
                }
                let started_at = self.time(format!("{place}.started_at"), &g.started_at)?;
                if ended_at.is_some_and(|end| end < started_at) {
                    return Err(self.said(
                        format!("{place}.ended_at"),
                        "bundle.ends_before_start",
                        &[],
                    ));
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
            return Err(self.said(
                "format",
                "bundle.wrong_format",
                &[("expected", &FORMAT), ("found", &b.format)],
            ));
        }
        if !(OLDEST_VERSION..=VERSION).contains(&b.version) {
            return Err(self.said(
                "version",
                "bundle.unsupported_version",
                &[
                    ("version", &b.version),
                    ("oldest", &OLDEST_VERSION),
                    ("newest", &VERSION),
                ],
            ));
        }
        let session = self.session(&b.session)?;
        let template = self.catalog.get(&session.template).ok_or_else(|| {
            self.said(
                "session.template",
                "bundle.unknown_template",
                &[
                    ("template", &session.template),
                    ("known", &self.catalog.keys()),
                ],
            )
        })?;
        if b.stages.is_empty() {
            let known: Vec<&str> = template.stages.iter().map(|s| s.key.as_str()).collect();
            return Err(self.said(
                "stages",
                "bundle.no_stage",
                &[("template", &template.key), ("known", &known.join(", "))],
            ));
        }
        let mut participants = Vec::new();
        for (i, p) in b.participants.iter().enumerate() {
            let id = self.id(format!("participants[{i}].id"), &p.id)?;
            if p.name.trim().is_empty() {
                return Err(self.said(format!("participants[{i}].name"), "bundle.empty_name", &[]));
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
            // The stage an import of notes adds for what it could not place.
            let extra = st.key == crate::notes::TO_SORT;
            if template.stage(&st.key).is_none() && !extra {
                let known: Vec<&str> = template.stages.iter().map(|s| s.key.as_str()).collect();
                return Err(self.said(
                    format!("{at}.key"),
                    "bundle.unknown_stage",
                    &[
                        ("stage", &st.key),
                        ("template", &template.key),
                        ("known", &known.join(", ")),
                    ],
                ));
            }
            if !keys.insert(st.key.as_str()) {
                return Err(self.said(
                    format!("{at}.key"),
                    "bundle.stage_twice",
                    &[("stage", &st.key)],
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
                structure: st.structure,
                step_starts: self.step_starts(&at, st)?,
            });
            self.contributions(&at, id, st, &known_people, &mut contributions)?;
        }
        let synthesis = self.synthesis(b.synthesis, &contributions)?;
        let mut decisions = Vec::new();
        for (i, d) in b.decisions.iter().enumerate() {
            let at = format!("decisions[{i}]");
            if d.text.trim().is_empty() {
                return Err(self.said(format!("{at}.text"), "bundle.empty_text", &[]));
            }
            decisions.push(Decision {
                id: self.id(format!("{at}.id"), &d.id)?,
                text: d.text.clone(),
                decided_at: self.time(format!("{at}.decided_at"), &d.decided_at)?,
                removed_at: self.opt_time(format!("{at}.removed_at"), &d.removed_at)?,
            });
        }
        let mut actions = self.actions(&b.actions, &known_people)?;
        let found = follow::Found {
            version: b.version,
            session: &b.session,
            actions: &b.actions,
            passes: &b.passes,
        };
        let (previous_id, passes) =
            self.follow_through(found, session.id, &stages, &known_people, &mut actions)?;
        let session = Session {
            previous_id,
            ..session
        };
        let themes = self.themes(&b.themes, &contributions)?;
        let voting = self.voting(b.voting.as_ref(), &known_people, &contributions)?;
        let links = self.links(&b.links, &contributions)?;
        let review = self.review(b.version, b.review.as_ref(), &known_people, &contributions)?;
        let merge_conflicts = self.conflicts(b.version, &b.merge_conflicts, &contributions)?;
        Ok(Checked {
            data: SessionData {
                session,
                participants,
                stages,
                contributions,
                synthesis,
                decisions,
                actions,
                passes,
                themes,
                voting,
                links,
                review,
                // A bundle carries no inbox: merged phone inputs stay in
                // the file they were moderated in.
                room_merges: Default::default(),
                merge_conflicts,
            },
            places: self.places,
        })
    }

    fn actions(
        &mut self,
        list: &[BAction],
        people: &HashSet<Id>,
    ) -> Result<Vec<Action>, BundleError> {
        let mut actions = Vec::new();
        for (i, a) in list.iter().enumerate() {
            let at = format!("actions[{i}]");
            if a.text.trim().is_empty() {
                return Err(self.said(format!("{at}.text"), "bundle.empty_text", &[]));
            }
            let who_participant = match &a.who_participant {
                None => None,
                Some(p) => Some(
                    Id::parse_str(p)
                        .ok()
                        .filter(|pid| people.contains(pid))
                        .ok_or_else(|| {
                            self.said(
                                format!("{at}.who_participant"),
                                "bundle.unknown_participant",
                                &[("value", p)],
                            )
                        })?,
                ),
            };
            let due = match &a.due {
                None => None,
                Some(d) => Some(parse_date(d).ok_or_else(|| {
                    self.said(
                        format!("{at}.due"),
                        "bundle.not_a_date",
                        &[
                            ("value", d),
                            ("first", &first_year()),
                            ("last", YEARS.end()),
                        ],
                    )
                })?),
            };
            actions.push(Action {
                id: self.id(format!("{at}.id"), &a.id)?,
                text: a.text.clone(),
                who_participant,
                who_name: a.who_name.clone(),
                due,
                done: a.done,
                created_at: self.time(format!("{at}.created_at"), &a.created_at)?,
                removed_at: self.opt_time(format!("{at}.removed_at"), &a.removed_at)?,
                // Set by `follow_through`, which checks it.
                carried_from: None,
                // Read from the later session's copy, never carried here.
                carried_to: None,
            });
        }
        Ok(actions)
    }

    fn session(&mut self, s: &BSession) -> Result<Session, BundleError> {
        let id = self.id("session.id".into(), &s.id)?;
        if s.title.trim().is_empty() {
            return Err(self.said("session.title", "bundle.empty_title", &[]));
        }
        let date = parse_date(&s.date).ok_or_else(|| {
            self.said(
                "session.date",
                "bundle.not_a_date",
                &[
                    ("value", &s.date),
                    ("first", &first_year()),
                    ("last", YEARS.end()),
                ],
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
            // Set by `follow_through`, which checks it.
            previous_id: None,
            report: s.report,
            place: s.place.clone(),
            pseudonym_seed: self.seed(s.pseudonym_seed.as_deref())?,
            reopened_at: self.reopened_at(s)?,
        })
    }

    /// The key of the session's pseudonyms: what `model::new_seed` writes
    /// (32 lower-case hexadecimal digits). A bundle written before seeds
    /// existed (none, or blank) gets a fresh one, as a new session would.
    fn seed(&self, seed: Option<&str>) -> Result<String, BundleError> {
        match seed.map(str::trim) {
            None | Some("") => Ok(crate::model::new_seed()),
            Some(seed) if seed.len() == 32 && seed.bytes().all(is_lower_hex) => {
                Ok(seed.to_string())
            }
            Some(seed) => {
                // Quoted cut short and escaped: the value may be huge or
                // hostile.
                let shown: String = seed.chars().take(40).collect();
                Err(self.said(
                    "session.pseudonym_seed",
                    "bundle.not_a_seed",
                    &[("value", &shown.escape_debug())],
                ))
            }
        }
    }

    /// When a closed session was reopened: only a session that was closed
    /// has one (`lifecycle::transition`: closed → reopened running, or
    /// closed again). Its order against `updated_at` is no rule: reopening
    /// does not move `updated_at`.
    fn reopened_at(&self, s: &BSession) -> Result<Option<Timestamp>, BundleError> {
        let place = "session.reopened_at";
        let Some(at) = self.opt_time(place.into(), &s.reopened_at)? else {
            return Ok(None);
        };
        if s.status == crate::model::SessionStatus::Draft {
            return Err(self.said(place, "bundle.reopened_never_closed", &[]));
        }
        Ok(Some(at))
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
                        self.said(
                            format!("{at}.participant"),
                            "bundle.unknown_participant",
                            &[("value", p)],
                        )
                    })?)
                }
            };
            let parent = match &c.parent {
                None => None,
                Some(p) => {
                    let pid = Id::parse_str(p).ok().filter(|pid| depth.contains_key(pid));
                    Some(pid.ok_or_else(|| {
                        self.said(
                            format!("{at}.parent"),
                            "bundle.broken_parent",
                            &[("value", p)],
                        )
                    })?)
                }
            };
            let level = parent.map_or(0, |p| depth[&p] + 1);
            if level > MAX_DEPTH {
                return Err(self.said(
                    format!("{at}.parent"),
                    "bundle.too_deep",
                    &[("level", &level), ("max", &MAX_DEPTH)],
                ));
            }
            if c.text.trim().is_empty() {
                return Err(self.said(format!("{at}.text"), "bundle.empty_text", &[]));
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
                parked_at: self.opt_time(format!("{at}.parked_at"), &c.parked_at)?,
                revisions,
                group: self.group(&at, c.group)?,
                anonymous: self.anonymous(&at, c.anonymous, participant)?,
                origin: self.origin(&at, c.origin.as_deref())?,
            });
        }
        Ok(())
    }
}

fn is_lower_hex(b: u8) -> bool {
    b.is_ascii_digit() || (b'a'..=b'f').contains(&b)
}

/// The first importable year as dates write it ("0001").
fn first_year() -> String {
    format!("{:04}", YEARS.start())
}
