//! Validation of what version 3 added to bundles: round-robin passes, the
//! session this one follows, and where each carried-over action came from.
//! Older versions cannot hold them: a field found there is refused.

use super::super::format::{BAction, BPass, BSession};
use super::{BundleError, Checker};
use crate::model::{Action, Id, Pass, Stage};
use std::collections::HashSet;

/// The first version that holds passes and follow-through links.
const SINCE: u32 = 3;

/// The parts of a parsed bundle this check reads.
pub(super) struct Found<'a> {
    pub version: u32,
    pub session: &'a BSession,
    pub actions: &'a [BAction],
    pub passes: &'a [BPass],
}

impl Checker<'_> {
    /// Checks the passes and the follow-through links; sets each action's
    /// origin and returns the session's previous one and the passes.
    pub(super) fn follow_through(
        &mut self,
        found: Found,
        session: Id,
        stages: &[Stage],
        people: &HashSet<Id>,
        actions: &mut [Action],
    ) -> Result<(Option<Id>, Vec<Pass>), BundleError> {
        if found.version < SINCE {
            let place = if found.session.previous.is_some() {
                Some("session.previous".to_string())
            } else if !found.passes.is_empty() {
                Some("passes".to_string())
            } else {
                (found.actions.iter())
                    .position(|a| a.carried_from.is_some())
                    .map(|i| format!("actions[{i}].carried_from"))
            };
            if let Some(place) = place {
                return Err(self.said(
                    place,
                    "bundle.not_in_version",
                    &[("version", &found.version)],
                ));
            }
            return Ok((None, Vec::new()));
        }
        let previous = match &found.session.previous {
            None => None,
            Some(p) => Some(self.other_session(session, p)?),
        };
        for (i, a) in found.actions.iter().enumerate() {
            let Some(from) = &a.carried_from else {
                continue;
            };
            let place = format!("actions[{i}].carried_from");
            if previous.is_none() {
                return Err(self.said(place, "bundle.follow_carried_without_previous", &[]));
            }
            // An origin is an action of the previous session: never one
            // of this bundle's own ids.
            let id = Id::parse_str(from)
                .ok()
                .filter(|id| !self.ids.contains_key(id))
                .ok_or_else(|| self.said(&place, "bundle.follow_bad_origin", &[("value", from)]))?;
            actions[i].carried_from = Some(id);
        }
        let stage_ids: HashSet<Id> = stages.iter().map(|s| s.id).collect();
        let mut passes = Vec::new();
        for (i, p) in found.passes.iter().enumerate() {
            let at = format!("passes[{i}]");
            let known = |value: &str, set: &HashSet<Id>| {
                Id::parse_str(value).ok().filter(|id| set.contains(id))
            };
            let stage_id = known(&p.stage, &stage_ids).ok_or_else(|| {
                self.said(
                    format!("{at}.stage"),
                    "bundle.follow_unknown_stage",
                    &[("value", &p.stage)],
                )
            })?;
            let participant_id = known(&p.participant, people).ok_or_else(|| {
                self.said(
                    format!("{at}.participant"),
                    "bundle.unknown_participant",
                    &[("value", &p.participant)],
                )
            })?;
            passes.push(Pass {
                id: self.id(format!("{at}.id"), &p.id)?,
                stage_id,
                participant_id,
                at: self.time(format!("{at}.at"), &p.at)?,
                removed_at: self.opt_time(format!("{at}.removed_at"), &p.removed_at)?,
            });
        }
        Ok((previous, passes))
    }

    /// The id of the session this one follows: well formed, and not this
    /// session itself.
    fn other_session(&self, session: Id, value: &str) -> Result<Id, BundleError> {
        Id::parse_str(value)
            .ok()
            .filter(|id| *id != session)
            .ok_or_else(|| {
                self.said(
                    "session.previous",
                    "bundle.follow_bad_previous",
                    &[("value", &value)],
                )
            })
    }
}
