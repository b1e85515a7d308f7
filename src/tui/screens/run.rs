//! Run: the heart of the app. The facilitator types what each person says
//! as they speak; every submit is committed to the store before the list
//! shows it.

use super::{load, moved};
use crate::i18n::tf;
use crate::model::{Id, Kind, SessionData, SessionStatus, Template, Tree};
use crate::tui::action::Action;
use crate::tui::app::{Core, Nav};
use crate::tui::flow::{Effect, StageFlow};
use crate::tui::keymap::Context;
use crate::tui::popup::{EditFor, Pending, PickFor, Popup};
use crate::tui::widgets::editor;
use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;
use std::cell::Cell;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Input,
}

/// One line of the contribution list: a kind heading or a contribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Header { kind: Kind, count: usize },
    Item { id: Id, depth: usize },
}

/// How to take back the last change.
#[derive(Debug, Clone, PartialEq)]
pub enum UndoOp {
    Added(Id),
    Deleted(Id),
    Edited(Id),
    Swapped(Id, Id),
    Indented(Id),
    Outdented {
        id: Id,
        parent: Id,
    },
    Kind(Id, Kind),
    Who(Id, Option<Id>),
    Stage {
        id: Id,
        stage: Id,
        parent: Option<Id>,
    },
}

pub struct RunState {
    pub data: SessionData,
    pub template: Option<Template>,
    pub flow: StageFlow,
    pub rows: Vec<Row>,
    /// Index into `rows`; always an item row when there is one.
    pub selected: usize,
    pub offset: Cell<usize>,
    pub focus: Focus,
    pub input: TextArea<'static>,
    /// Kind and speaker of the next submit.
    pub kind: Kind,
    pub participant: Option<Id>,
    /// Set while the input box edits a recorded contribution.
    pub editing: Option<Id>,
    pub undo: Vec<UndoOp>,
    /// Contributions per participant (None = group): (this stage, overall).
    pub counts: HashMap<Option<Id>, (usize, usize)>,
    /// Where each contribution sits in `data.contributions`.
    pub index: HashMap<Id, usize>,
}

impl RunState {
    pub fn open(core: &mut Core, id: Id) -> Option<RunState> {
        let flow = enter_resume_stage(core, id)?;
        let data = load(core, id)?;
        let template = core.catalog.get(&data.session.template).cloned();
        let mut state = RunState {
            data,
            template,
            flow,
            rows: Vec::new(),
            selected: 0,
            offset: Cell::new(0),
            focus: Focus::Input,
            input: editor::textarea("", "", &core.theme),
            kind: Kind::Observation,
            participant: None,
            editing: None,
            undo: Vec::new(),
            counts: HashMap::new(),
            index: HashMap::new(),
        };
        state.reset_input(core);
        state.flow.closed = state.data.session.status == SessionStatus::Closed;
        state.rebuild(None);
        state.kind = state.stage_kinds()[0];
        if let Some(draft) = core_draft(core, id) {
            state.input = editor::textarea(&draft.text, core.t("run.placeholder"), &core.theme);
            if let Some(kind) = draft.kind {
                state.kind = kind;
            }
            // A speaker removed from the roster since is not brought back.
            state.participant = draft
                .participant
                .filter(|p| state.data.roster().any(|r| r.id == *p));
        }
        Some(state)
    }

    /// What needs a selected contribution, or another stage to go to.
    pub fn can(&self, action: &Action) -> bool {
        match action {
            Action::Edit
            | Action::Delete
            | Action::MoveUp
            | Action::MoveDown
            | Action::Indent
            | Action::Outdent
            | Action::CycleKind
            | Action::SetWho
            | Action::MoveToStage => self.selected_id().is_some(),
            Action::Undo => !self.undo.is_empty(),
            Action::NextStage => self.flow.current + 1 < self.data.stages.len(),
            Action::PrevStage => self.flow.current > 0,
            _ => true,
        }
    }

    pub fn context(&self) -> Context {
        match self.focus {
            Focus::List => Context::Run,
            Focus::Input => Context::Input,
        }
    }

    pub fn has_text(&self) -> bool {
        !editor::text_of(&self.input).trim().is_empty()
    }

    pub fn session_id(&self) -> Id {
        self.data.session.id
    }

    pub fn stage(&self) -> Option<&crate::model::Stage> {
        self.data.stages.get(self.flow.current)
    }

    pub fn timer_running(&self) -> bool {
        !self.flow.closed
            && self
                .stage()
                .is_some_and(|s| s.started_at.is_some() && s.ended_at.is_none())
    }

    /// The kinds offered in this stage first, then the others.
    pub fn stage_kinds(&self) -> Vec<Kind> {
        let mut kinds: Vec<Kind> = self
            .stage()
            .and_then(|s| self.template.as_ref().and_then(|t| t.stage(&s.key)))
            .map(|ts| ts.kinds.clone())
            .unwrap_or_default();
        for k in Kind::ALL {
            if !kinds.contains(&k) {
                kinds.push(k);
            }
        }
        kinds
    }

    pub fn selected_id(&self) -> Option<Id> {
        match self.rows.get(self.selected) {
            Some(Row::Item { id, .. }) => Some(*id),
            _ => None,
        }
    }

    pub fn contribution(&self, id: Id) -> Option<&crate::model::Contribution> {
        self.index
            .get(&id)
            .and_then(|i| self.data.contributions.get(*i))
    }

    pub fn reset_input(&mut self, core: &Core) {
        self.input = editor::textarea("", core.t("run.placeholder"), &core.theme);
        self.editing = None;
    }

    /// Reloads the session after a write and rebuilds the list, keeping
    /// `select` (or the current row) selected.
    pub fn refresh(&mut self, core: &mut Core, select: Option<Id>) {
        let keep = select.or_else(|| self.selected_id());
        if let Some(data) = load(core, self.session_id()) {
            self.data = data;
        }
        self.flow.closed = self.data.session.status == SessionStatus::Closed;
        self.rebuild(keep);
    }

    /// Rebuilds the rows and counts of the current stage. Done on change,
    /// not on draw, so drawing costs only the visible rows.
    pub fn rebuild(&mut self, select: Option<Id>) {
        let Some(stage) = self.stage().map(|s| s.id) else {
            self.rows.clear();
            return;
        };
        let mut rows = Vec::new();
        let tree = Tree::new(&self.data);
        let top = tree.children(stage, None);
        for kind in self.stage_kinds() {
            let group: Vec<_> = top.iter().filter(|c| c.kind == kind).collect();
            if group.is_empty() {
                continue;
            }
            rows.push(Row::Header {
                kind,
                count: group.len(),
            });
            for c in group {
                rows.extend(
                    tree.walk(c, 0)
                        .into_iter()
                        .map(|(c, depth)| Row::Item { id: c.id, depth }),
                );
            }
        }
        self.rows = rows;
        self.index = self.data.index();
        self.counts.clear();
        for c in self.data.live() {
            let entry = self.counts.entry(c.participant_id).or_default();
            entry.1 += 1;
            if c.stage_id == stage {
                entry.0 += 1;
            }
        }
        let at = select.and_then(|id| {
            self.rows
                .iter()
                .position(|r| matches!(r, Row::Item { id: rid, .. } if *rid == id))
        });
        self.selected = at.unwrap_or(self.selected.min(self.rows.len().saturating_sub(1)));
        self.settle(1);
    }

    /// Moves the selection off a heading, in direction `dir`.
    fn settle(&mut self, dir: isize) {
        let n = self.rows.len();
        if n == 0 {
            self.selected = 0;
            return;
        }
        let mut i = self.selected.min(n - 1) as isize;
        while (0..n as isize).contains(&i) && matches!(self.rows[i as usize], Row::Header { .. }) {
            i += dir;
        }
        if !(0..n as isize).contains(&i) {
            i = self.selected.min(n - 1) as isize;
            while (0..n as isize).contains(&i)
                && matches!(self.rows[i as usize], Row::Header { .. })
            {
                i -= dir;
            }
        }
        self.selected = i.clamp(0, n as isize - 1) as usize;
    }

    /// Selects row `to`, stepping off a heading the way the move went.
    /// Also what the mouse wheel uses, without taking the focus.
    pub fn select_row(&mut self, to: usize) {
        let dir = if to < self.selected { -1 } else { 1 };
        self.selected = to;
        self.settle(dir);
    }

    /// Carries out what the stage flow decided.
    fn apply(&mut self, core: &mut Core, effect: Effect) {
        match effect {
            Effect::Record { stage, leaving } => {
                let ids = |i: usize| self.data.stages.get(i).map(|s| s.id);
                if let Some(stage_id) = ids(stage) {
                    if let Err(e) =
                        core.store
                            .enter_stage(self.session_id(), stage_id, leaving.and_then(ids))
                    {
                        core.error(e);
                    }
                }
                self.refresh(core, None);
            }
            Effect::Show { .. } => self.rebuild(None),
            Effect::AskToEnd => {
                core.popup = Some(Popup::Confirm {
                    message: core.t("run.confirm_end").to_string(),
                    pending: Pending::EndSession,
                });
            }
            Effect::Nothing => {}
        }
        let kinds = self.stage_kinds();
        if self.editing.is_none() {
            self.kind = kinds[0];
        }
    }

    pub fn key(&mut self, key: KeyEvent) {
        self.input.input(key);
    }

    pub fn paste(&mut self, text: &str) {
        self.focus = Focus::Input;
        editor::paste(&mut self.input, text, true);
    }
}

/// Where an opened session resumes, its stage's start recorded before the
/// session is read, so that opening reads the session once.
fn enter_resume_stage(core: &mut Core, id: Id) -> Option<StageFlow> {
    let read = core
        .store
        .session(id)
        .and_then(|s| Ok((s, core.store.stages(id)?)));
    let (session, stages) = match read {
        Ok(found) => found,
        Err(e) => {
            core.error(e);
            return None;
        }
    };
    let started: Vec<bool> = stages.iter().map(|s| s.started_at.is_some()).collect();
    let ended: Vec<bool> = stages.iter().map(|s| s.ended_at.is_some()).collect();
    let closed = session.status == SessionStatus::Closed;
    let flow = StageFlow::new(
        StageFlow::resume_point(&started, &ended),
        stages.len(),
        closed,
    );
    if let Effect::Record { stage, .. } = flow.open() {
        if let Err(e) = core.store.enter_stage(id, stages[stage].id, None) {
            core.error(e);
        }
    }
    Some(flow)
}

/// What was in the input box when the facilitator stepped away (or the
/// terminal closed): the text with the speaker and kind chosen for it.
#[derive(Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Draft {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant: Option<Id>,
}

impl Draft {
    /// Reads a stored draft; drafts written before speaker and kind were
    /// kept are plain text.
    fn parse(stored: &str) -> Draft {
        serde_json::from_str(stored).unwrap_or_else(|_| Draft {
            text: stored.to_string(),
            ..Draft::default()
        })
    }
}

fn draft_key(session: Id) -> String {
    format!("draft:{session}")
}

/// A draft left in the input box when the facilitator stepped away.
fn core_draft(core: &mut Core, session: Id) -> Option<Draft> {
    core.store
        .meta(&draft_key(session))
        .ok()
        .flatten()
        .map(|stored| Draft::parse(&stored))
        .filter(|d| !d.text.is_empty())
}

/// Keeps the unsent text of the input box, with its speaker and kind, for
/// when the session reopens. An empty box only clears a draft that exists,
/// so a submit does not pay for a second committed write.
pub fn save_draft(state: &RunState, core: &mut Core) {
    let text = if state.editing.is_some() {
        String::new()
    } else {
        editor::text_of(&state.input)
    };
    if text.is_empty() {
        if core_draft(core, state.session_id()).is_some() {
            let _ = core.store.set_meta(&draft_key(state.session_id()), "");
        }
        return;
    }
    let draft = Draft {
        text,
        kind: Some(state.kind),
        participant: state.participant,
    };
    let stored = serde_json::to_string(&draft).expect("a draft serialises");
    if let Err(e) = core.store.set_meta(&draft_key(state.session_id()), &stored) {
        core.error(e);
    }
}

pub fn update(s: &mut RunState, core: &mut Core, action: Action) -> Option<Nav> {
    let id = s.session_id();
    if let Some(to) = moved(&action, s.selected, s.rows.len()) {
        s.select_row(to);
        return None;
    }
    match action {
        Action::Write => {
            s.focus = Focus::Input;
        }
        Action::Back if s.focus == Focus::Input => {
            if s.editing.is_some() {
                s.reset_input(core);
                core.info(core.t("run.edit_cancelled"));
            }
            s.focus = Focus::List;
        }
        Action::Back => {
            save_draft(s, core);
            return Some(Nav::Home);
        }
        Action::Submit => super::run_input::submit(s, core),
        Action::Newline => s.input.insert_newline(),
        Action::UndoText => {
            s.input.undo();
        }
        Action::RedoText => {
            s.input.redo();
        }
        Action::CycleKind | Action::PrevKind => {
            super::run_input::cycle_kind(s, core, action == Action::CycleKind)
        }
        Action::Participant(n) => super::run_input::choose_participant(s, core, n as usize),
        Action::PickParticipant => {
            core.popup = Some(super::run_input::participant_picker(
                s,
                core,
                PickFor::InputParticipant,
            ));
        }
        Action::SetWho => {
            if let Some(cid) = s.selected_id() {
                core.popup = Some(super::run_input::participant_picker(
                    s,
                    core,
                    PickFor::Who(cid),
                ));
            }
        }
        Action::NextStage | Action::PrevStage => {
            let (flow, effect) = if action == Action::NextStage {
                s.flow.next()
            } else {
                s.flow.prev()
            };
            s.flow = flow;
            s.offset.set(0);
            s.apply(core, effect);
        }
        Action::Synthesis => {
            save_draft(s, core);
            return Some(Nav::Synthesis(id));
        }
        Action::Review => {
            save_draft(s, core);
            return Some(Nav::Review(id));
        }
        Action::Setup => {
            save_draft(s, core);
            return Some(Nav::Setup(id));
        }
        Action::Notes => {
            if let Some(stage) = s.stage() {
                let title = tf(core.lang, "run.notes_title", &[("stage", &stage.title)]);
                core.open_editor(
                    title,
                    core.t("run.notes_hint"),
                    &stage.notes,
                    EditFor::StageNotes(stage.id),
                    true,
                );
            }
        }
        Action::RestoreDeleted => super::run_input::restore_picker(s, core),
        _ => return super::run_edit::update(s, core, action),
    }
    None
}

#[cfg(test)]
mod tests {
    use super::Draft;
    use crate::model::Kind;

    #[test]
    fn drafts_keep_speaker_and_kind_and_read_old_plain_text() {
        let id = crate::model::new_id();
        let draft = Draft {
            text: "{\"not\": json}".into(),
            kind: Some(Kind::Stake),
            participant: Some(id),
        };
        let stored = serde_json::to_string(&draft).unwrap();
        assert_eq!(Draft::parse(&stored), draft);
        // A draft saved by an earlier version is the bare text.
        assert_eq!(Draft::parse("{\"not\": json}").text, "{\"not\": json}");
        assert_eq!(Draft::parse("plain words").kind, None);
    }
}
