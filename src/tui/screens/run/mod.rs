//! Run: the heart of the app. The facilitator types what each person says
//! as they speak; every submit is committed to the store before the list
//! shows it.

mod actions;
mod clock;
mod command;
mod draft;
mod edit;
mod follow;
mod input;
mod links;
mod rows;
mod structures;
mod turns;
mod view;

use super::{load, moved};
use crate::i18n::tf;
use crate::model::{Id, Kind, SessionData, SessionStatus, Template};
use crate::tui::action::Action;
use crate::tui::core::{Core, Nav};
use crate::tui::flow::{Effect, StageFlow};
use crate::tui::keymap::Context;
use crate::tui::popup::{Popup, Purpose, Question};
use crate::tui::screen::Screen;
use crate::tui::widgets::editor;
pub use clock::rings;
pub use command::nothing_to;
use draft::core_draft;
pub use draft::{save_draft, Draft};
use edit::{RunEdit, RunPick};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui_textarea::TextArea;
use std::cell::Cell;
use std::collections::HashMap;

/// The list of contributions, and the input box.
pub const RUN: Context = Context("run");
pub const INPUT: Context = Context("input");

/// The run screen of session `id`, ready to type.
pub fn open(id: Id) -> Nav {
    Nav::to(move |core, from| {
        if is_closed(core, id) {
            return super::review::open(id).build(core, from);
        }
        if let Some(carry_over) = super::follow::carry_over_first(core, id) {
            return Some(carry_over);
        }
        Some(Box::new(RunState::open(core, id)?))
    })
}

/// A closed session is read-only: it opens on the review screen, where it
/// can be exported or explicitly reopened.
fn is_closed(core: &Core, id: Id) -> bool {
    core.store
        .session(id)
        .is_ok_and(|s| s.status == SessionStatus::Closed)
}

/// The run screen with the list in focus: coming back from another
/// screen, a key is a command, never typed into the box by surprise.
pub fn open_at_list(id: Id) -> Nav {
    Nav::to(move |core, from| {
        if is_closed(core, id) {
            return super::review::open(id).build(core, from);
        }
        let mut run = RunState::open(core, id)?;
        if !run.has_text() {
            run.focus = Focus::List;
        }
        Some(Box::new(run))
    })
}

/// The question the run screen asks: ending the session past its last stage.
struct EndSession;

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
    /// The unsent text (with its speaker and kind) put aside while the box
    /// edits a recorded contribution; it comes back when the edit ends.
    pub set_aside: Option<Draft>,
    /// The changes made here, to undo and redo.
    pub history: crate::tui::history::History,
    /// Contributions per participant (None = group): (this stage, overall).
    pub counts: HashMap<Option<Id>, (usize, usize)>,
    /// Where each contribution sits in `data.contributions`.
    pub index: HashMap<Id, usize>,
    /// How many contributions wait in the parking lot.
    pub parked: usize,
    /// An action being recorded: its text and who, until its due date.
    pub pending_action: Option<crate::store::NewAction>,
    /// Whether the round-robin ("tour de table") is on.
    pub round_robin: bool,
    /// The link picker while open, and whether the links panel shows.
    pub links: links::LinksState,
    /// The group the next input is recorded with in a 1-2-4-All's All step.
    pub group: u32,
    /// The next input is stored without its author (Ctrl+O).
    pub anonymous: bool,
    /// Contributions stored without their author: (this stage, overall).
    /// Nobody's, not the group's: counted on a line of their own.
    pub anonymous_counts: (usize, usize),
    /// (stage, person) whose round-robin turn was an anonymous
    /// contribution. Kept only while the screen is open: storing it would
    /// keep the name the contribution was stored without.
    pub anonymous_turns: std::collections::HashSet<(Id, Id)>,
    /// How many inputs from the room wait in the inbox (one COUNT, read
    /// again when another connection writes).
    pub pending_inputs: usize,
    /// Contributions that are the other laptop's text of an open merge
    /// conflict, marked in the list (read again on every refresh).
    pub conflict_copies: std::collections::HashSet<Id>,
}

impl Screen for RunState {
    fn context(&self) -> Context {
        if self.links.picker.is_some() {
            return links::LINKS;
        }
        match self.focus {
            Focus::List => RUN,
            Focus::Input => INPUT,
        }
    }

    fn takes_text(&self) -> bool {
        // The link picker over the list takes keys, not text.
        self.focus == Focus::Input && self.links.picker.is_none()
    }

    fn update(&mut self, core: &mut Core, action: Action) -> Option<Nav> {
        update(self, core, action)
    }

    fn render(&self, core: &Core, area: Rect, buf: &mut Buffer) {
        view::render(self, core, area, buf);
    }

    fn can(&self, action: &Action) -> bool {
        RunState::can(self, action)
    }

    fn key(&mut self, _core: &mut Core, key: KeyEvent) {
        self.input.input(key);
    }

    /// A paste from the list goes to the input box too.
    fn accepts_paste(&self) -> bool {
        true
    }

    fn paste(&mut self, _core: &mut Core, text: &str) {
        self.focus = Focus::Input;
        editor::paste(&mut self.input, text, true);
    }

    /// While typing, the wheel still scrolls the list beside.
    fn scroll(&mut self, delta: isize) -> bool {
        if self.focus != Focus::Input {
            return false;
        }
        self.select_row(super::step(self.selected, delta, self.rows.len()));
        true
    }

    fn edited(&mut self, core: &mut Core, purpose: &Purpose, text: String) -> bool {
        match purpose.get::<RunEdit>() {
            Some(p) => edit::edited(self, core, *p, text),
            None => true,
        }
    }

    fn picked(&mut self, core: &mut Core, purpose: &Purpose, value: Option<Id>) -> Option<Nav> {
        if let Some(p) = purpose.get::<RunPick>() {
            edit::picked(self, core, *p, value);
        }
        None
    }

    fn confirmed(&mut self, core: &mut Core, purpose: &Purpose) -> Option<Nav> {
        if purpose.get::<edit::DropEdit>().is_some() {
            edit::drop_edit(self, core);
            return None;
        }
        purpose.get::<EndSession>()?;
        let id = self.session_id();
        match crate::commands::apply(&mut core.store, id, &crate::commands::Command::Close) {
            Ok(_) => {
                save_draft(self, core);
                core.success(core.t("review.closed"));
                Some(super::review::open(id))
            }
            Err(e) => {
                core.error(e.message(core.lang));
                None
            }
        }
    }

    fn refresh(&mut self, core: &mut Core) {
        RunState::refresh(self, core, None);
    }

    fn has_unsent_text(&self) -> bool {
        self.has_text() || self.set_aside.is_some()
    }

    fn save_drafts(&mut self, core: &mut Core) {
        save_draft(self, core);
    }

    fn timer_visible(&self) -> bool {
        self.timer_running()
    }

    fn timer_alert(&self, core: &Core) -> Option<(Id, crate::model::TimerAlert)> {
        let now = (core.clock)();
        // A 1-2-4-All step's end rings like the stage's.
        clock::running_alert(self, now)
            .map(|(id, a)| (id, a.max(structures::step_alert(self, now))))
    }

    fn session(&self) -> Option<Id> {
        Some(self.session_id())
    }

    fn return_nav(&self) -> Option<Nav> {
        Some(open_at_list(self.session_id()))
    }

    crate::screen_any!();
}

impl RunState {
    pub fn open(core: &mut Core, id: Id) -> Option<RunState> {
        let data = load(core, id)?;
        let template = core.catalog.get(&data.session.template).cloned();
        let (flow, effect) = StageFlow::resume(&data.stages, !data.session.clocks_run());
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
            set_aside: None,
            history: core.history(id),
            counts: HashMap::new(),
            index: HashMap::new(),
            parked: 0,
            pending_action: None,
            round_robin: false,
            links: Default::default(),
            group: 1,
            anonymous: false,
            anonymous_counts: (0, 0),
            anonymous_turns: Default::default(),
            pending_inputs: core.store.pending_inputs(id).unwrap_or(0),
            conflict_copies: core.store.conflict_copies(id).unwrap_or_default(),
        };
        state.reset_input(core);
        state.kind = state.stage_kinds()[0];
        state.apply(core, effect);
        if let Some(draft) = core_draft(core, id) {
            state.restore(core, draft);
        }
        // The box takes the keys when there is a draft to finish, or
        // nothing recorded yet (a first run: typing is all there is to
        // do). Otherwise the list does, so `]` changes stage instead of
        // being typed; Enter opens the box.
        if !state.has_text() && state.data.live().next().is_some() {
            state.focus = Focus::List;
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
            | Action::MoveToStage
            | Action::Park
            | Action::Link => self.selected_id().is_some(),
            Action::Undo => self.history.can_undo(),
            Action::Redo => self.history.can_redo(),
            Action::NextStage => self.flow.current + 1 < self.data.stages.len(),
            Action::PrevStage => self.flow.current > 0,
            Action::PauseTimer => {
                !self.flow.untimed && self.stage().is_some_and(|st| !st.segments.is_empty())
            }
            Action::NextGroup => self.input_group().is_some(),
            _ => true,
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
        !self.flow.untimed
            && self
                .stage()
                .is_some_and(|s| s.started_at().is_some() && s.ended_at().is_none())
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

    /// Empties the box, or, when an edit ends, gives back what was put
    /// aside for it.
    pub fn reset_input(&mut self, core: &Core) {
        self.input = editor::textarea("", core.t("run.placeholder"), &core.theme);
        self.editing = None;
        self.anonymous = false;
        if let Some(draft) = self.set_aside.take() {
            self.restore(core, draft);
        }
    }

    /// Puts a draft back in the box with its kind, speaker and anonymity.
    fn restore(&mut self, core: &Core, draft: Draft) {
        self.input = editor::textarea(&draft.text, core.t("run.placeholder"), &core.theme);
        if let Some(kind) = draft.kind {
            self.kind = kind;
        }
        self.anonymous = draft.anonymous;
        // A speaker removed from the roster since is not brought back.
        self.participant = draft
            .participant
            .filter(|p| self.data.roster().any(|r| r.id == *p));
    }

    /// What is typed but not recorded: the box's text, or while the box
    /// edits a recorded contribution, what was put aside for it.
    pub fn unsent(&self) -> Option<Draft> {
        if self.editing.is_some() {
            return self.set_aside.clone();
        }
        let text = editor::text_of(&self.input);
        (!text.is_empty()).then_some(Draft {
            text,
            kind: Some(self.kind),
            participant: self.participant,
            anonymous: self.anonymous,
        })
    }

    /// Reloads the session after a write and rebuilds the list, keeping
    /// `select` (or the current row) selected.
    pub fn refresh(&mut self, core: &mut Core, select: Option<Id>) {
        let keep = select.or_else(|| self.selected_id());
        if let Some(data) = load(core, self.session_id()) {
            self.data = data;
        }
        self.flow.untimed = !self.data.session.clocks_run();
        let pending = core.store.pending_inputs(self.session_id());
        self.pending_inputs = pending.unwrap_or(self.pending_inputs);
        if let Ok(copies) = core.store.conflict_copies(self.session_id()) {
            self.conflict_copies = copies;
        }
        self.rebuild(keep);
    }

    /// Shows stage `i`, recording the stage left and the one entered.
    pub fn go_to_stage(&mut self, core: &mut Core, i: usize) {
        let (flow, effect) = self.flow.goto(i);
        self.flow = flow;
        self.offset.set(0);
        self.apply(core, effect);
    }

    /// Carries out what the stage flow decided.
    fn apply(&mut self, core: &mut Core, effect: Effect) {
        match effect {
            Effect::Record { stage, leaving } => {
                let ids = |i: usize| self.data.stages.get(i).map(|s| s.id);
                if let Some(stage_id) = ids(stage) {
                    // Moving between stages is not undone with `u`: the
                    // clock records where the facilitator went.
                    let enter = crate::commands::Command::EnterStage {
                        stage: stage_id,
                        leaving: leaving.and_then(ids),
                    };
                    match crate::commands::apply(&mut core.store, self.session_id(), &enter) {
                        Ok(outcome) => self.take(&outcome.changes, None),
                        Err(e) => core.error(e.message(core.lang)),
                    }
                }
                self.rebuild(None);
            }
            Effect::Show { .. } => self.rebuild(None),
            Effect::AskToEnd => {
                core.popup = Some(Popup::Confirm {
                    message: core.t("run.confirm_end").to_string(),
                    question: Question::Screen(Purpose::new(EndSession)),
                    lost: None,
                });
            }
            Effect::Nothing => {}
        }
        let kinds = self.stage_kinds();
        if self.editing.is_none() {
            self.kind = kinds[0];
        }
    }
}

fn update(s: &mut RunState, core: &mut Core, action: Action) -> Option<Nav> {
    let id = s.session_id();
    if s.links.picker.is_some() {
        return links::update(s, core, action);
    }
    if let Some(to) = moved(&action, s.selected, s.rows.len()) {
        s.select_row(to);
        return None;
    }
    match action {
        Action::Write => {
            s.focus = Focus::Input;
        }
        Action::Back if s.focus == Focus::Input => edit::leave_input(s, core),
        Action::Back => {
            save_draft(s, core);
            return Some(super::home::open());
        }
        Action::Submit => input::submit(s, core),
        Action::Newline => s.input.insert_newline(),
        Action::UndoText => {
            s.input.undo();
        }
        Action::RedoText => {
            s.input.redo();
        }
        Action::CycleKind | Action::PrevKind => {
            input::cycle_kind(s, core, action == Action::CycleKind)
        }
        Action::Participant(n) => input::choose_participant(s, core, n as usize),
        Action::PickParticipant => {
            core.popup = Some(input::participant_picker(
                s,
                core,
                RunPick::InputParticipant,
            ));
        }
        Action::SetWho => {
            if let Some(cid) = s.selected_id() {
                core.popup = Some(input::participant_picker(s, core, RunPick::Who(cid)));
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
            return Some(super::synthesis::open(id));
        }
        Action::Themes => {
            save_draft(s, core);
            return Some(super::themes::open(id, s.stage().map(|st| st.id)));
        }
        Action::Review => {
            save_draft(s, core);
            return Some(super::review::open(id));
        }
        Action::Setup => {
            save_draft(s, core);
            return Some(super::setup::open(id));
        }
        Action::Vote => {
            save_draft(s, core);
            return Some(super::vote::open(id));
        }
        Action::Notes => {
            if let Some(stage) = s.stage() {
                let title = tf(core.lang, "run.notes_title", &[("stage", &stage.title)]);
                core.open_editor(
                    title,
                    core.t("run.notes_hint"),
                    &stage.notes,
                    Purpose::new(RunEdit::StageNotes(stage.id)),
                    true,
                );
            }
        }
        Action::RestoreDeleted => input::restore_picker(s, core),
        Action::RoundRobin => turns::toggle(s, core),
        Action::Link => links::open_picker(s, core),
        Action::ShowLinks => links::toggle_panel(s),
        Action::FollowThrough => {
            save_draft(s, core);
            return Some(super::follow::open(id));
        }
        Action::Pass => turns::pass(s, core),
        Action::PauseTimer => s.toggle_timer(core),
        Action::ExtendStage(minutes) => s.extend_stage(core, minutes),
        Action::NextStep => structures::next_step(s, core),
        Action::NextGroup => structures::next_group(s, core),
        Action::ToggleAnonymous => structures::toggle_anonymous(s, core),
        Action::Inbox => {
            save_draft(s, core);
            return Some(super::inbox::open(id));
        }
        Action::Room => crate::tui::room_panel::toggle(core, id),
        _ => return edit::update(s, core, action),
    }
    None
}
