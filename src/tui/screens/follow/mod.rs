//! Follow-through: the session's actions (mark done, take back, set who
//! does it — someone on the roster or from outside — and by when), its
//! decision log, and the previous session's open actions to review — carry
//! one over into this session, mark it done where it was agreed, or leave
//! it. Opened from the run list (`F`), and by itself the first time the
//! next session of a workshop is opened, when such actions wait.

mod edit;
mod view;

use super::{load, moved};
use crate::commands::{Changes, Command, CommandError, Outcome};
use crate::model::{Action as Todo, Id, SessionData, SessionStatus};
use crate::tui::action::Action;
use crate::tui::core::{Core, Nav};
use crate::tui::history::History;
use crate::tui::keymap::Context;
use crate::tui::popup::Purpose;
use crate::tui::screen::Screen;
use edit::{FollowEdit, FollowPick};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::cell::Cell;

pub const FOLLOW: Context = Context("follow");

/// One line of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A section's heading, with a line "none" under it when empty.
    Heading(Section),
    Empty(Section),
    /// An open action of the previous session, to review.
    Carry(Id),
    Action(Id),
    Decision(Id),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    CarryOver,
    Actions,
    Decisions,
}

pub struct FollowState {
    pub data: SessionData,
    /// The previous session's open actions not yet carried here.
    pub carry: Vec<Todo>,
    /// The previous session's title, when this session follows one.
    pub previous: Option<String>,
    /// The previous session's roster: who does the actions to review.
    pub previous_people: Vec<crate::model::Participant>,
    pub rows: Vec<Row>,
    pub selected: usize,
    pub offset: Cell<usize>,
    pub history: History,
    /// Where Esc leads: the screen this one was opened from.
    back: Option<Nav>,
}

/// The follow-through screen of session `id`; Esc goes back to where it
/// came from.
pub fn open(id: Id) -> Nav {
    Nav::to(move |core, from| {
        let back = from.and_then(|s| s.return_nav());
        Some(Box::new(FollowState::open(core, id, back)?))
    })
}

/// The first time the next session of a workshop opens to run (still a
/// draft) and open actions of the previous session wait, the carry-over
/// comes first; Esc goes on to the run screen.
pub fn carry_over_first(core: &mut Core, id: Id) -> Option<Box<dyn Screen>> {
    let draft = core
        .store
        .session(id)
        .is_ok_and(|s| s.status == SessionStatus::Draft && s.previous_id.is_some());
    if !draft || core.store.carry_over(id).map_or(true, |c| c.is_empty()) {
        return None;
    }
    let back = Some(super::run::open_at_list(id));
    let screen = FollowState::open(core, id, back)?;
    core.info(core.t("follow.carry_over_first"));
    Some(Box::new(screen))
}

impl Screen for FollowState {
    fn context(&self) -> Context {
        FOLLOW
    }

    fn update(&mut self, core: &mut Core, action: Action) -> Option<Nav> {
        update(self, core, action)
    }

    fn render(&self, core: &Core, area: Rect, buf: &mut Buffer) {
        view::render(self, core, area, buf);
    }

    /// Each key offers itself only on the rows it acts on.
    fn can(&self, action: &Action) -> bool {
        let row = self.rows.get(self.selected).copied();
        match action {
            Action::ToggleDone => matches!(row, Some(Row::Action(_) | Row::Carry(_))),
            Action::CarryOver => matches!(row, Some(Row::Carry(_))),
            Action::Delete => matches!(row, Some(Row::Action(_) | Row::Decision(_))),
            Action::SetWho | Action::EditDue => matches!(row, Some(Row::Action(_))),
            Action::Undo => self.history.can_undo(),
            Action::Redo => self.history.can_redo(),
            _ => true,
        }
    }

    fn edited(&mut self, core: &mut Core, purpose: &Purpose, text: String) -> bool {
        match purpose.get::<FollowEdit>() {
            Some(p) => edit::edited(self, core, *p, text),
            None => true,
        }
    }

    fn picked(&mut self, core: &mut Core, purpose: &Purpose, value: Option<Id>) -> Option<Nav> {
        if let Some(p) = purpose.get::<FollowPick>() {
            edit::picked(self, core, *p, value);
        }
        None
    }

    fn refresh(&mut self, core: &mut Core) {
        if let Some(data) = load(core, self.data.session.id) {
            self.data = data;
        }
        self.carry = core.store.carry_over(self.session_id()).unwrap_or_default();
        self.rebuild();
    }

    fn session(&self) -> Option<Id> {
        Some(self.session_id())
    }

    fn return_nav(&self) -> Option<Nav> {
        Some(open(self.session_id()))
    }

    crate::screen_any!();
}

impl FollowState {
    pub fn open(core: &mut Core, id: Id, back: Option<Nav>) -> Option<FollowState> {
        let data = load(core, id)?;
        let carry = match core.store.carry_over(id) {
            Ok(list) => list,
            Err(e) => {
                core.fail(&e);
                return None;
            }
        };
        let previous_id = core.store.previous_session(id).ok().flatten();
        let previous = previous_id
            .and_then(|p| core.store.session(p).ok())
            .map(|s| s.title);
        let previous_people = previous_id
            .and_then(|p| core.store.participants(p).ok())
            .unwrap_or_default();
        let mut state = FollowState {
            data,
            carry,
            previous,
            previous_people,
            rows: Vec::new(),
            selected: 0,
            offset: Cell::new(0),
            history: core.history(id),
            back,
        };
        state.rebuild();
        Some(state)
    }

    pub fn session_id(&self) -> Id {
        self.data.session.id
    }

    /// The rows: the carry-over first (when this session follows one),
    /// then the actions, then the decisions. The selection stays on its
    /// line's place, on a line that can be acted on.
    fn rebuild(&mut self) {
        let mut rows = Vec::new();
        let section = |rows: &mut Vec<Row>, s: Section, items: Vec<Row>| {
            rows.push(Row::Heading(s));
            if items.is_empty() {
                rows.push(Row::Empty(s));
            }
            rows.extend(items);
        };
        if self.previous.is_some() {
            let carry = self.carry.iter().map(|a| Row::Carry(a.id)).collect();
            section(&mut rows, Section::CarryOver, carry);
        }
        let actions = self
            .data
            .listed_actions()
            .map(|a| Row::Action(a.id))
            .collect();
        section(&mut rows, Section::Actions, actions);
        let decisions = self
            .data
            .logged_decisions()
            .map(|d| Row::Decision(d.id))
            .collect();
        section(&mut rows, Section::Decisions, decisions);
        self.rows = rows;
        self.select(self.selected.min(self.rows.len().saturating_sub(1)), 1);
    }

    /// Selects row `at`, or the nearest line that holds something, looking
    /// first in direction `step` (1 down, -1 up).
    fn select(&mut self, at: usize, step: isize) {
        let holds = |r: &Row| matches!(r, Row::Carry(_) | Row::Action(_) | Row::Decision(_));
        let len = self.rows.len() as isize;
        let find = |dir: isize| {
            let mut i = at as isize;
            while (0..len).contains(&i) {
                if holds(&self.rows[i as usize]) {
                    return Some(i as usize);
                }
                i += dir;
            }
            None
        };
        self.selected = find(step).or_else(|| find(-step)).unwrap_or(at);
    }

    pub fn action(&self, id: Id) -> Option<&Todo> {
        self.data.actions.iter().find(|a| a.id == id)
    }

    pub fn carried(&self, id: Id) -> Option<&Todo> {
        self.carry.iter().find(|a| a.id == id)
    }

    /// Who does `a`, by name: someone of this session's roster or of the
    /// previous one's (an action to review), or a name typed in.
    pub fn who(&self, a: &Todo) -> String {
        match a.who_participant {
            Some(p) => (self.data.participant(p))
                .or_else(|| self.previous_people.iter().find(|x| x.id == p))
                .map(|x| x.name.clone())
                .unwrap_or_default(),
            None => a.who_name.clone(),
        }
    }

    /// Applies `command` as a change that `u` undoes, and says `said`.
    pub fn run(&mut self, core: &mut Core, command: &Command, said: &str) -> bool {
        let done = self
            .history
            .apply(&mut core.store, self.session_id(), command);
        let said = core.t(said).to_string();
        self.after(core, done, said)
    }

    /// Undoes (`back`) or redoes the session's last change.
    fn step_history(&mut self, core: &mut Core, back: bool) {
        let id = self.session_id();
        let done = if back {
            self.history.undo(&mut core.store, id)
        } else {
            self.history.redo(&mut core.store, id)
        };
        match done {
            None => core.info(core.t(super::run::nothing_to(back))),
            Some(done) => {
                let said = self.history.said(core.lang, back);
                self.after(core, done, said);
            }
        }
    }

    fn after(
        &mut self,
        core: &mut Core,
        done: Result<Outcome, CommandError>,
        said: String,
    ) -> bool {
        match done {
            Ok(outcome) => {
                self.take(&outcome.changes);
                core.success(said);
                true
            }
            Err(e) => {
                core.error(e.message(core.lang));
                false
            }
        }
    }

    fn take(&mut self, changes: &Changes) {
        changes.apply_to(&mut self.data, None);
        if let Some(carry) = &changes.delta.carry_over {
            self.carry = carry.clone();
        }
        self.rebuild();
    }
}

fn update(s: &mut FollowState, core: &mut Core, action: Action) -> Option<Nav> {
    if let Some(to) = moved(&action, s.selected, s.rows.len()) {
        let step = if to < s.selected { -1 } else { 1 };
        s.select(to, step);
        return None;
    }
    let row = s.rows.get(s.selected).copied();
    match (action, row) {
        (Action::Back, _) => {
            return Some(
                s.back
                    .take()
                    .unwrap_or_else(|| super::run::open_at_list(s.session_id())),
            )
        }
        (Action::Undo, _) => s.step_history(core, true),
        (Action::Redo, _) => s.step_history(core, false),
        (Action::ToggleDone, Some(Row::Action(id))) => {
            let done = !s.action(id).is_some_and(|a| a.done);
            let said = if done {
                "follow.done"
            } else {
                "follow.reopened"
            };
            s.run(core, &Command::SetActionStatus { id, done }, said);
        }
        (Action::ToggleDone, Some(Row::Carry(id))) => {
            let command = Command::SetPreviousActionDone { id, done: true };
            s.run(core, &command, "follow.done_there");
        }
        (Action::CarryOver, Some(Row::Carry(from))) => {
            s.run(core, &Command::CarryAction { from }, "follow.carried");
        }
        (Action::Delete, Some(Row::Action(id))) => {
            s.run(core, &Command::RemoveAction { id }, "follow.removed");
        }
        (Action::Delete, Some(Row::Decision(id))) => {
            s.run(
                core,
                &Command::RemoveDecision { id },
                "follow.decision_removed",
            );
        }
        (Action::SetWho, Some(Row::Action(id))) => edit::pick_who(s, core, id),
        (Action::EditDue, Some(Row::Action(id))) => edit::ask_due(s, core, id),
        (
            Action::ToggleDone
            | Action::CarryOver
            | Action::Delete
            | Action::SetWho
            | Action::EditDue,
            _,
        ) => core.info(core.t("follow.nothing_here")),
        _ => {}
    }
    None
}
