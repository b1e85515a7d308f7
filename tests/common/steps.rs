//! The random steps of the command property test (`tests/core/commands.rs`):
//! each drawn as numbers, then resolved against the session as it is when
//! it runs, so every step is a command the session can take.

use super::*;

/// One step of a random session, drawn as numbers and resolved against
/// the session as it is when the step runs.
#[derive(Debug, Clone)]
pub enum Step {
    Record {
        stage: usize,
        parent: Option<usize>,
        kind: usize,
        speaker: Option<usize>,
        text: String,
    },
    Edit {
        pick: usize,
        text: Option<String>,
        kind: usize,
        speaker: Option<usize>,
    },
    Delete(usize),
    Restore(usize),
    Move(usize, bool),
    Indent(usize),
    Outdent(usize),
    MoveToStage(usize, usize),
    Enter(usize, Option<usize>),
    Pause(usize, bool),
    /// `ExtendStage` by the minutes, or (`true`) `SetPlannedMinutes` to them.
    Plan(usize, u32, bool),
    Notes(usize, String),
    Close,
    Reopen,
    Language(bool),
    Synthesis(String),
    AddParticipant(String),
    RemoveParticipant(usize),
    Details(String, String, bool),
    /// A template change: the stages again, fresh, `n` of them.
    Template(usize),
    Retitle(usize, String),
    EditParticipant(usize, String, String),
    MoveParticipant(usize, bool),
    Park(usize),
    Unpark(usize, usize),
    Decide(String),
    RemoveDecision(usize),
    /// Dot voting: a person's dots on items, a tally, the dots per person,
    /// the counts shown or hidden, one dot taken back.
    CastVotes(usize, Vec<usize>),
    Tally(usize, u32),
    Dots(u32),
    Reveal(bool),
    RemoveVote(usize),
    Batch(Vec<Step>),
    AddTheme(String),
    RenameTheme(usize, String),
    RemoveTheme(usize),
    /// Items, then a theme (`None`: out of any).
    PutInTheme(Vec<usize>, Option<usize>),
    MergeThemes(usize, usize),
    /// A theme, how many of its first items, the new theme's name.
    SplitTheme(usize, usize, String),
    Link(usize, usize, usize),
    Unlink(usize),
    /// A stage's structure (`true`: a 1-2-4-All).
    Structure(usize, bool),
    /// The next step of a stage's 1-2-4-All.
    Advance(usize),
    /// Recorded without its author, for a group (0 is refused).
    Anonymous(usize, u32, String),
    AddAction(String),
    /// Who (a participant by number, else the name) and the day in May.
    EditAction(usize, Option<usize>, String, Option<u32>),
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zé ]{1,12}",
        Just(" ".to_string()), // refused: empty once trimmed
    ]
}

fn step() -> impl Strategy<Value = Step> {
    let n = 0usize..64;
    prop_oneof![
        4 => (n.clone(), proptest::option::of(n.clone()), 0usize..8, proptest::option::of(n.clone()), text())
            .prop_map(|(stage, parent, kind, speaker, text)| Step::Record { stage, parent, kind, speaker, text }),
        3 => (n.clone(), proptest::option::of(text()), 0usize..8, proptest::option::of(n.clone()))
            .prop_map(|(pick, text, kind, speaker)| Step::Edit { pick, text, kind, speaker }),
        1 => n.clone().prop_map(Step::Delete),
        1 => n.clone().prop_map(Step::Restore),
        1 => (n.clone(), any::<bool>()).prop_map(|(p, up)| Step::Move(p, up)),
        1 => n.clone().prop_map(Step::Indent),
        1 => n.clone().prop_map(Step::Outdent),
        1 => (n.clone(), n.clone()).prop_map(|(p, s)| Step::MoveToStage(p, s)),
        2 => (n.clone(), proptest::option::of(n.clone())).prop_map(|(s, l)| Step::Enter(s, l)),
        1 => (n.clone(), any::<bool>()).prop_map(|(s, stop)| Step::Pause(s, stop)),
        1 => (n.clone(), prop_oneof![0u32..6, Just(u32::MAX)], any::<bool>())
            .prop_map(|(s, m, set)| Step::Plan(s, m, set)),
        1 => (n.clone(), "[a-z]{0,6}").prop_map(|(s, t)| Step::Notes(s, t)),
        1 => Just(Step::Close),
        1 => Just(Step::Reopen),
        1 => any::<bool>().prop_map(Step::Language),
        1 => "[a-z]{0,6}".prop_map(Step::Synthesis),
        1 => "[A-Z][a-z]{0,5}".prop_map(Step::AddParticipant),
        1 => n.clone().prop_map(Step::RemoveParticipant),
        1 => (text(), "[a-z]{0,6}", any::<bool>()).prop_map(|(t, q, a)| Step::Details(t, q, a)),
        1 => (1usize..4).prop_map(Step::Template),
        1 => (n.clone(), "[A-Z][a-z]{0,5}").prop_map(|(s, t)| Step::Retitle(s, t)),
        1 => (n.clone(), text(), "[a-z]{0,4}").prop_map(|(p, name, role)| Step::EditParticipant(p, name, role)),
        1 => (n.clone(), any::<bool>()).prop_map(|(p, up)| Step::MoveParticipant(p, up)),
        1 => n.clone().prop_map(Step::Park),
        1 => (n.clone(), n.clone()).prop_map(|(p, s)| Step::Unpark(p, s)),
        1 => text().prop_map(Step::Decide),
        1 => n.clone().prop_map(Step::RemoveDecision),
        1 => text().prop_map(Step::AddTheme),
        1 => (n.clone(), text()).prop_map(|(t, name)| Step::RenameTheme(t, name)),
        1 => n.clone().prop_map(Step::RemoveTheme),
        2 => (proptest::collection::vec(n.clone(), 1..4), proptest::option::of(n.clone()))
            .prop_map(|(items, t)| Step::PutInTheme(items, t)),
        1 => (n.clone(), n.clone()).prop_map(|(a, b)| Step::MergeThemes(a, b)),
        1 => (n.clone(), 0usize..3, text()).prop_map(|(t, k, name)| Step::SplitTheme(t, k, name)),
        2 => (n.clone(), proptest::collection::vec(n.clone(), 1..4)).prop_map(|(p, i)| Step::CastVotes(p, i)),
        1 => (n.clone(), 0u32..4).prop_map(|(i, c)| Step::Tally(i, c)),
        1 => (0u32..5).prop_map(Step::Dots),
        1 => any::<bool>().prop_map(Step::Reveal),
        1 => n.clone().prop_map(Step::RemoveVote),
        2 => (n.clone(), n.clone(), n.clone()).prop_map(|(p, q, r)| Step::Link(p, q, r)),
        1 => n.clone().prop_map(Step::Unlink),
        1 => (n.clone(), any::<bool>()).prop_map(|(s, on)| Step::Structure(s, on)),
        1 => n.clone().prop_map(Step::Advance),
        1 => (n.clone(), 0u32..4, text()).prop_map(|(s, g, t)| Step::Anonymous(s, g, t)),
        1 => text().prop_map(Step::AddAction),
        1 => (n.clone(), proptest::option::of(n), "[a-z]{0,4}", proptest::option::of(1u32..29))
            .prop_map(|(a, p, name, day)| Step::EditAction(a, p, name, day)),
    ]
}

/// A step, or a batch of two or three steps applied as one change.
pub fn any_step() -> impl Strategy<Value = Step> {
    prop_oneof![
        8 => step(),
        1 => proptest::collection::vec(step(), 2..4).prop_map(Step::Batch),
    ]
}

pub fn resolve(step: &Step, data: &SessionData) -> Command {
    let stage = |i: usize| data.stages[i % data.stages.len()].id;
    let person = |i: usize| {
        data.participants
            .get(i % data.participants.len().max(1))
            .map(|p| p.id)
    };
    let item = |i: usize| {
        data.contributions
            .get(i % data.contributions.len().max(1))
            .map(|c| c.id)
    };
    // With nothing recorded yet, steps on a contribution record one.
    let first = NewContribution {
        stage_id: stage(0),
        participant_id: None,
        kind: Kind::Idea,
        text: "first".into(),
        parent_id: None,
        group: None,
        anonymous: false,
        origin: atelier::model::Origin::Facilitator,
    };
    let on_item = |i: usize, f: &dyn Fn(Id) -> Command| match item(i) {
        Some(id) => f(id),
        None => Command::Record(first.clone()),
    };
    match step.clone() {
        Step::Record {
            stage: s,
            parent,
            kind,
            speaker,
            text,
        } => {
            let stage_id = stage(s);
            let parent_id = parent.and_then(|p| {
                let same: Vec<Id> = data
                    .contributions
                    .iter()
                    .filter(|c| c.stage_id == stage_id)
                    .map(|c| c.id)
                    .collect();
                same.get(p % same.len().max(1)).copied()
            });
            Command::Record(NewContribution {
                stage_id,
                participant_id: speaker.and_then(person),
                kind: Kind::ALL[kind],
                text,
                parent_id,
                group: None,
                anonymous: false,
                origin: atelier::model::Origin::Facilitator,
            })
        }
        Step::Edit {
            pick,
            text,
            kind,
            speaker,
        } => on_item(pick, &|id| {
            let c = data.contributions.iter().find(|c| c.id == id).unwrap();
            Command::Edit {
                id,
                text: text.clone().unwrap_or_else(|| c.text.clone()),
                kind: Kind::ALL[kind],
                speaker: speaker.and_then(person),
            }
        }),
        Step::Delete(p) => on_item(p, &|id| Command::Delete { id }),
        Step::Restore(p) => on_item(p, &|id| Command::Restore { id }),
        Step::Move(p, up) => on_item(p, &|id| Command::Move { id, up }),
        Step::Indent(p) => on_item(p, &|id| Command::Indent { id }),
        Step::Outdent(p) => on_item(p, &|id| Command::Outdent { id }),
        Step::MoveToStage(p, s) => on_item(p, &|id| Command::MoveToStage {
            id,
            stage: stage(s),
        }),
        Step::Enter(s, l) => Command::EnterStage {
            stage: stage(s),
            leaving: l.map(stage),
        },
        Step::Pause(s, true) => Command::Pause { stage: stage(s) },
        Step::Pause(s, false) => Command::Resume { stage: stage(s) },
        Step::Plan(s, minutes, false) => Command::ExtendStage {
            stage: stage(s),
            minutes,
        },
        Step::Plan(s, minutes, true) => Command::SetPlannedMinutes {
            stage: stage(s),
            minutes,
        },
        Step::Notes(s, notes) => Command::SetStageNotes {
            stage: stage(s),
            notes,
        },
        Step::Close => Command::Close,
        Step::Reopen => Command::Reopen { restore: None },
        Step::Language(fr) => Command::SetLanguage(if fr { Lang::Fr } else { Lang::En }),
        Step::Synthesis(text) => Command::SaveSynthesis(Synthesis {
            text,
            ..Synthesis::default()
        }),
        Step::AddParticipant(name) => Command::AddParticipant {
            name,
            role: String::new(),
        },
        Step::RemoveParticipant(p) => match person(p) {
            Some(id) => Command::RemoveParticipant { id },
            None => Command::AddParticipant {
                name: "Ada".into(),
                role: String::new(),
            },
        },
        Step::Details(title, question, anonymous) => Command::SetDetails(Details {
            title,
            question,
            anonymity: if anonymous {
                Anonymity::Anonymous
            } else {
                Anonymity::Named
            },
            ..Details::of(&data.session)
        }),
        Step::Template(n) => Command::PutStages {
            template: format!("t{n}"),
            stages: (0..n)
                .map(|i| Stage {
                    id: atelier::model::new_id(),
                    key: format!("s{i}"),
                    title: format!("Stage {i}"),
                    position: i as i64 + 1,
                    planned_minutes: 5,
                    segments: Vec::new(),
                    notes: String::new(),
                    structure: Default::default(),
                    step_starts: Vec::new(),
                })
                .collect(),
        },
        Step::Retitle(s, title) => Command::SetStageTitles(vec![(stage(s), title)]),
        Step::EditParticipant(p, name, role) => match person(p) {
            Some(id) => Command::EditParticipant { id, name, role },
            None => Command::AddParticipant { name, role },
        },
        Step::MoveParticipant(p, up) => match person(p) {
            Some(id) => Command::MoveParticipant { id, up },
            None => Command::AddParticipant {
                name: "Ada".into(),
                role: String::new(),
            },
        },
        Step::Park(p) => on_item(p, &|id| Command::Park { id }),
        Step::Unpark(p, s) => on_item(p, &|id| Command::Unpark {
            id,
            stage: stage(s),
        }),
        Step::Decide(text) => Command::Decide { text },
        Step::RemoveDecision(d) => match data.decisions.get(d % data.decisions.len().max(1)) {
            Some(decision) => Command::RemoveDecision { id: decision.id },
            None => Command::Decide {
                text: "decided".into(),
            },
        },
        Step::CastVotes(p, items) => match (person(p), item(0)) {
            (Some(participant), Some(_)) => Command::Vote(VoteCommand::CastVotes {
                participant,
                items: items.iter().filter_map(|i| item(*i)).collect(),
            }),
            _ => Command::Record(first.clone()),
        },
        Step::Tally(i, count) => on_item(i, &|item| {
            Command::Vote(VoteCommand::SetTally { item, count })
        }),
        Step::Dots(n) => Command::Vote(VoteCommand::SetDots(n)),
        Step::Reveal(true) => Command::Vote(VoteCommand::RevealVotes),
        Step::Reveal(false) => Command::Vote(VoteCommand::HideVotes),
        Step::RemoveVote(v) => {
            let votes = &data.voting.votes;
            match votes.get(v % votes.len().max(1)) {
                Some(vote) => Command::Vote(VoteCommand::RemoveVote { id: vote.id }),
                None => Command::Vote(VoteCommand::SetDots(3)),
            }
        }
        Step::Batch(steps) => Command::Batch(steps.iter().map(|s| resolve(s, data)).collect()),
        Step::Link(p, q, r) => match (item(p), item(q), item(r)) {
            (Some(from), Some(a), Some(b)) => Command::Link {
                from,
                to: vec![a, b],
            },
            _ => Command::Record(first.clone()),
        },
        Step::Unlink(l) => {
            let live: Vec<_> = data.links.iter().filter(|l| l.is_live()).collect();
            match live.get(l % live.len().max(1)) {
                Some(link) => Command::Unlink {
                    from: link.from,
                    to: vec![link.to],
                },
                None => on_item(l, &|id| Command::Link {
                    from: id,
                    to: vec![id],
                }),
            }
        }
        Step::Structure(s, on) => Command::SetStructure {
            stage: stage(s),
            structure: if on {
                atelier::model::Structure::OneTwoFourAll
            } else {
                atelier::model::Structure::Plain
            },
        },
        Step::Advance(s) => Command::NextStep { stage: stage(s) },
        Step::Anonymous(s, group, text) => Command::Record(NewContribution {
            stage_id: stage(s),
            participant_id: None,
            kind: Kind::Idea,
            text,
            parent_id: None,
            group: Some(group),
            anonymous: true,
            origin: atelier::model::Origin::Facilitator,
        }),
        Step::AddAction(text) => Command::AddAction(atelier::store::NewAction {
            text,
            who_participant: None,
            who_name: String::new(),
            due: None,
        }),
        Step::EditAction(a, p, who_name, day) => {
            match data.actions.get(a % data.actions.len().max(1)) {
                Some(action) => Command::EditAction {
                    id: action.id,
                    who_participant: p.and_then(person),
                    who_name,
                    due: day.and_then(|d| chrono::NaiveDate::from_ymd_opt(2026, 5, d)),
                },
                None => resolve(&Step::AddAction("act".into()), data),
            }
        }
        step => resolve_theme_step(step, data),
    }
}

/// A theme step; with no theme yet, one is made first.
fn resolve_theme_step(step: Step, data: &SessionData) -> Command {
    let themes: Vec<_> = data.listed_themes().collect();
    let theme = |i: usize| themes.get(i % themes.len().max(1)).map(|t| t.id);
    let make = Command::AddTheme {
        name: "Theme".into(),
    };
    let items = |picks: &[usize]| -> Vec<Id> {
        picks
            .iter()
            .filter_map(|i| data.contributions.get(i % data.contributions.len().max(1)))
            .map(|c| c.id)
            .collect()
    };
    match step {
        Step::AddTheme(name) => Command::AddTheme { name },
        Step::RenameTheme(t, name) => match theme(t) {
            Some(id) => Command::RenameTheme { id, name },
            None => make,
        },
        Step::RemoveTheme(t) => match theme(t) {
            Some(id) => Command::RemoveTheme { id },
            None => make,
        },
        Step::PutInTheme(picks, t) => match t.map(theme) {
            Some(None) => make,
            target => Command::PutInTheme {
                items: items(&picks),
                theme: target.flatten(),
            },
        },
        Step::MergeThemes(a, b) => match (theme(a), theme(b)) {
            (Some(from), Some(into)) => Command::MergeThemes { from, into },
            _ => make,
        },
        Step::SplitTheme(t, k, name) => match themes.get(t % themes.len().max(1)) {
            Some(from) => Command::SplitTheme {
                from: from.id,
                items: from.items.iter().take(k).copied().collect(),
                name,
            },
            None => make,
        },
        other => unreachable!("not a theme step: {other:?}"),
    }
}
