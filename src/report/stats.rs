//! The report's statistics (the appendix): contributions per person,
//! stage, kind and origin, and planned against actual time per stage,
//! counted over what the report shows.

use super::names::Names;
use crate::i18n::t;
use crate::model::{Contribution, Id, Kind, Lang, SessionData};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Count {
    pub label: String,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    pub total: usize,
    pub by_participant: Vec<Count>,
    pub by_stage: Vec<Count>,
    pub by_kind: Vec<Count>,
    /// Planned against actual minutes per stage.
    pub time: super::Timing,
    /// Contributions per origin, when any came from the room or notes.
    pub by_origin: Vec<Count>,
    /// The room's inputs, merged ones included, when it sent any.
    pub room_inputs: Option<super::RoomInputs>,
}

/// Counts over what the report shows: one row per person as `Names`
/// orders them (in an anonymous report removed people under their
/// pseudonym, when they said something), then removed participants
/// together (named reports), then the group.
pub(super) fn stats(
    data: &SessionData,
    shown: &[&Contribution],
    names: &Names,
    lang: Lang,
) -> Stats {
    let said_by = |id: Id| {
        shown
            .iter()
            .filter(|c| c.participant_id == Some(id))
            .count()
    };
    let on_roster = |id: Id| data.roster().any(|p| p.id == id);
    let mut by_participant: Vec<Count> = names
        .rows()
        .map(|(id, label)| (id, label, said_by(id)))
        .filter(|(id, _, count)| *count > 0 || on_roster(*id))
        .map(|(_, label, count)| Count { label, count })
        .collect();
    let in_rows: Vec<Id> = names.rows().map(|(id, _)| id).collect();
    let former = shown
        .iter()
        .filter(|c| c.participant_id.is_some_and(|id| !in_rows.contains(&id)))
        .count();
    if former > 0 {
        by_participant.push(Count {
            label: t(lang, "report.former").to_string(),
            count: former,
        });
    }
    let group = shown
        .iter()
        .filter(|c| c.participant_id.is_none() && !c.anonymous)
        .count();
    if group > 0 {
        by_participant.push(Count {
            label: t(lang, "report.group").to_string(),
            count: group,
        });
    }
    by_participant.extend(super::structures::anonymous_count(shown, lang));
    let by_stage = data
        .stages
        .iter()
        .map(|s| Count {
            label: s.title.clone(),
            count: shown.iter().filter(|c| c.stage_id == s.id).count(),
        })
        .collect();
    let by_kind = Kind::ALL
        .iter()
        .map(|k| Count {
            label: k.label(lang).to_string(),
            count: shown.iter().filter(|c| c.kind == *k).count(),
        })
        .filter(|c| c.count > 0)
        .collect();
    let room_inputs = super::origin::room_inputs(shown, &data.room_merges, lang);
    Stats {
        total: shown.len(),
        by_participant,
        by_stage,
        by_kind,
        time: super::timing::timing(data),
        by_origin: super::origin::by_origin(shown, room_inputs.is_some(), lang),
        room_inputs,
    }
}
