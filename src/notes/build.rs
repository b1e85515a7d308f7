//! What the notes say → a whole session, in memory: the template's
//! stages, each element in the stage that offers its kind (a sub-point
//! stays with its parent), and one more stage, "To sort", when some lines
//! were not recognised. Written later in one transaction.

use super::parse::{Element, Notes};
use crate::i18n::t;
use crate::model::{
    new_id, Anonymity, BuildingBlock, Contribution, Id, Kind, Lang, Origin, Participant,
    ReportChoices, Session, SessionData, SessionStatus, Stage, Synthesis, Template, Timestamp,
};

/// The key of the stage that holds what is to sort. Not a template stage:
/// a session may have stage rows of its own.
pub const TO_SORT: &str = "to-sort";

/// How the session is made, beside the notes themselves.
#[derive(Debug, Clone)]
pub struct Setting {
    pub lang: Lang,
    pub event: String,
    pub date: chrono::NaiveDate,
    pub now: Timestamp,
    /// The title when the notes have none (the file's name).
    pub fallback_title: String,
}

/// The session and, for each element, the stage it went to.
#[derive(Debug, Clone)]
pub struct Plan {
    pub data: SessionData,
    pub stage_of: Vec<Id>,
}

impl Plan {
    /// (stage title, count) for every stage, the "to sort" one last.
    pub fn counts(&self) -> Vec<(String, usize)> {
        self.data
            .stages
            .iter()
            .map(|s| {
                let n = self.stage_of.iter().filter(|id| **id == s.id).count();
                (s.title.clone(), n)
            })
            .collect()
    }

    /// How many elements are to sort.
    pub fn to_sort(&self) -> usize {
        let stage = self.data.stages.iter().find(|s| s.key == TO_SORT);
        stage.map_or(0, |s| {
            self.stage_of.iter().filter(|id| **id == s.id).count()
        })
    }
}

pub fn plan(notes: &Notes, template: &Template, setting: &Setting) -> Plan {
    let lang = setting.lang;
    let now = setting.now;
    let mut stages = template.new_stages(lang);
    if notes.elements.iter().any(Element::to_sort) {
        stages.push(Stage {
            id: new_id(),
            key: TO_SORT.into(),
            title: t(lang, "notes.to_sort_stage").into(),
            position: stages.len() as i64 + 1,
            planned_minutes: 0,
            segments: Vec::new(),
            notes: t(lang, "notes.to_sort_guidance").into(),
            structure: Default::default(),
            step_starts: Vec::new(),
        });
    }
    let session = Session {
        id: new_id(),
        title: match notes.title.trim() {
            "" => setting.fallback_title.clone(),
            title => title.to_string(),
        },
        event: setting.event.trim().to_string(),
        date: setting.date,
        language: lang,
        template: template.key.clone(),
        question: notes.question.clone(),
        context: notes.context.clone(),
        lead: notes.lead.clone(),
        anonymity: Anonymity::Named,
        // A workshop already held, unless lines wait to be sorted: a
        // closed session takes no change until reopened.
        status: if notes.elements.iter().any(Element::to_sort) {
            SessionStatus::Draft
        } else {
            SessionStatus::Closed
        },
        created_at: now,
        updated_at: now,
        archived_at: None,
        previous_id: None,
        report: ReportChoices::default(),
        place: String::new(),
        pseudonym_seed: crate::model::new_seed(),
        reopened_at: None,
    };
    let participants = notes
        .participants
        .iter()
        .enumerate()
        .map(|(i, name)| Participant {
            id: new_id(),
            name: name.clone(),
            role: String::new(),
            position: i as i64 + 1,
            removed_at: None,
        })
        .collect();
    let (contributions, stage_of) = contributions(notes, template, &stages, now);
    let synthesis = Synthesis {
        text: notes.synthesis.clone(),
        blocks: notes
            .blocks
            .iter()
            .map(|(title, text)| BuildingBlock {
                title: title.clone(),
                text: text.clone(),
                sources: Vec::new(),
            })
            .collect(),
        proposal: notes.proposal.clone(),
        ..Synthesis::default()
    };
    let data = SessionData {
        session,
        participants,
        stages,
        contributions,
        synthesis,
        decisions: Vec::new(),
        actions: Vec::new(),
        passes: Vec::new(),
        themes: Vec::new(),
        voting: Default::default(),
        links: Vec::new(),
        review: Default::default(),
        room_merges: Default::default(),
        merge_conflicts: Vec::new(),
    };
    Plan { data, stage_of }
}

/// Each element as a contribution: a top-level one in the stage of its
/// section when that stage offers its kind, else in the first stage that
/// does; a sub-point under the element above it one level up.
fn contributions(
    notes: &Notes,
    template: &Template,
    stages: &[Stage],
    now: Timestamp,
) -> (Vec<Contribution>, Vec<Id>) {
    let stage_id = |key: &str| stages.iter().find(|s| s.key == key).map(|s| s.id);
    let offering = |kind: Kind| template.stages.iter().find(|s| s.kinds.contains(&kind));
    let home = |e: &Element| -> Id {
        if e.to_sort() {
            return stage_id(TO_SORT).expect("the to-sort stage exists");
        }
        let section_kind = e.section.default_kind();
        let section_stage = offering(section_kind).filter(|s| s.kinds.contains(&e.kind));
        section_stage
            .or_else(|| offering(e.kind))
            .and_then(|s| stage_id(&s.key))
            .unwrap_or(stages[0].id)
    };
    let mut list: Vec<Contribution> = Vec::new();
    let mut stage_of = Vec::new();
    // The open ancestors: (id, stage) at each depth.
    let mut path: Vec<(Id, Id)> = Vec::new();
    // Next position per (stage, parent).
    let mut positions: std::collections::HashMap<(Id, Option<Id>), i64> = Default::default();
    let count = notes.elements.len() as i64;
    for (i, e) in notes.elements.iter().enumerate() {
        // One millisecond apart, in the notes' order, so that the
        // chronological journal reads as the notes do; none after `now`.
        let at = now - chrono::Duration::milliseconds(count - i as i64);
        path.truncate(e.depth);
        let parent = path.last().copied();
        let stage = parent.map_or_else(|| home(e), |(_, stage)| stage);
        let parent_id = parent.map(|(id, _)| id);
        let position = positions.entry((stage, parent_id)).or_insert(0);
        *position += 1;
        let c = Contribution {
            id: new_id(),
            stage_id: stage,
            participant_id: None,
            kind: e.kind,
            text: e.text.clone(),
            parent_id,
            position: *position,
            created_at: at,
            updated_at: at,
            deleted_at: None,
            parked_at: None,
            revisions: Vec::new(),
            group: None,
            anonymous: false,
            origin: Origin::Notes,
        };
        path.push((c.id, stage));
        stage_of.push(stage);
        list.push(c);
    }
    (list, stage_of)
}
