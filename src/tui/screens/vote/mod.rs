//! Vote: the facilitator records a dot vote as the room calls it out —
//! who votes (a digit, as Alt+digit in the input box, or a picker), then
//! a dot on each item they name (`+`/space, `-` takes one back), or a
//! tally for a show of hands (`t`). The counts stay hidden until `h`
//! reveals them (a projected screen must not sway the vote); `r` shows
//! the ranking. Every change is one command: `u` undoes it, Ctrl+R redoes.
//!
//! The list holds every live item of the session, stage by stage, in the
//! report's order: a vote can prioritise stakes as well as ideas or
//! proposals, and the report ranks only what got dots.

mod themes;
mod view;

use super::{load, moved};
use crate::commands::{Command, CommandError, Outcome, VoteCommand};
use crate::i18n::tf;
use crate::model::{Anonymity, Id, SessionData, Tree};
use crate::tui::action::Action;
use crate::tui::core::{Core, Nav};
use crate::tui::history::History;
use crate::tui::keymap::Context;
use crate::tui::popup::{Picker, Popup, Purpose};
use crate::tui::screen::Screen;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::cell::Cell;

pub const VOTE: Context = Context("vote");

/// The vote screen of session `id`.
pub fn open(id: Id) -> Nav {
    Nav::to(move |core, _| Some(Box::new(VoteState::open(core, id)?)))
}

/// What the vote screen's editors are for.
#[derive(Debug, Clone, Copy, PartialEq)]
enum VoteEdit {
    Tally(Id),
    Dots,
}

/// The vote screen's picker: who votes.
struct PickVoter;

pub struct VoteState {
    pub data: SessionData,
    /// Every live item in report order, with its depth.
    pub items: Vec<(Id, usize)>,
    /// Index into `items` (or into the ranking, when shown).
    pub item: usize,
    pub offset: Cell<usize>,
    /// Whose dots `+` and `-` place and take back.
    pub voter: Option<Id>,
    /// The ranking instead of the list.
    pub ranking: bool,
    pub history: History,
}

impl Screen for VoteState {
    fn context(&self) -> Context {
        VOTE
    }

    fn update(&mut self, core: &mut Core, action: Action) -> Option<Nav> {
        update(self, core, action)
    }

    fn render(&self, core: &Core, area: Rect, buf: &mut Buffer) {
        view::render(self, core, area, buf);
    }

    fn can(&self, action: &Action) -> bool {
        match action {
            Action::Undo => self.history.can_undo(),
            Action::Redo => self.history.can_redo(),
            Action::AddDot | Action::RemoveDot => self.voter.is_some() && !self.items.is_empty(),
            Action::Tally => !self.items.is_empty(),
            _ => true,
        }
    }

    fn edited(&mut self, core: &mut Core, purpose: &Purpose, text: String) -> bool {
        let Some(edit) = purpose.get::<VoteEdit>().copied() else {
            return true;
        };
        let Ok(n) = text.trim().parse::<u32>() else {
            let said = tf(core.lang, "votes.not_a_number", &[("value", text.trim())]);
            core.info(said);
            return false;
        };
        let command = match edit {
            VoteEdit::Tally(item) => VoteCommand::SetTally { item, count: n },
            VoteEdit::Dots => VoteCommand::SetDots(n),
        };
        self.apply(core, command, "votes.saved")
    }

    fn picked(&mut self, core: &mut Core, purpose: &Purpose, value: Option<Id>) -> Option<Nav> {
        if purpose.get::<PickVoter>().is_some() {
            self.choose(core, value);
        }
        None
    }

    fn refresh(&mut self, core: &mut Core) {
        if let Some(data) = load(core, self.data.session.id) {
            self.data = data;
            self.index();
        }
    }

    fn session(&self) -> Option<Id> {
        Some(self.data.session.id)
    }

    fn return_nav(&self) -> Option<Nav> {
        Some(open(self.data.session.id))
    }

    crate::screen_any!();
}

impl VoteState {
    pub fn open(core: &mut Core, id: Id) -> Option<VoteState> {
        let mut s = VoteState {
            data: load(core, id)?,
            items: Vec::new(),
            item: 0,
            offset: Cell::new(0),
            voter: None,
            ranking: false,
            history: core.history(id),
        };
        s.index();
        Some(s)
    }

    fn index(&mut self) {
        let tree = Tree::new(&self.data);
        self.items = self
            .data
            .stages
            .iter()
            .flat_map(|st| tree.walk_stage(st.id))
            .map(|(c, depth)| (c.id, depth))
            .collect();
        self.item = self.item.min(self.items.len().saturating_sub(1));
        if let Some(v) = self.voter {
            if !self.data.roster().any(|p| p.id == v) {
                self.voter = None;
            }
        }
    }

    pub fn anonymous(&self) -> bool {
        self.data.session.anonymity == Anonymity::Anonymous
    }

    /// The items in the order on screen: the list, or the ranking (only
    /// the items that got dots: the rest would all tie last at 0).
    pub fn shown(&self) -> Vec<crate::model::Ranked<Id>> {
        let ranked =
            crate::model::rank_items(&self.data.voting, self.items.iter().map(|(id, _)| *id));
        if self.ranking && self.data.voting.revealed {
            ranked.into_iter().filter(|r| r.dots > 0).collect()
        } else {
            let mut by_id: std::collections::HashMap<Id, crate::model::Ranked<Id>> =
                ranked.into_iter().map(|r| (r.item, r)).collect();
            self.items
                .iter()
                .filter_map(|(id, _)| by_id.remove(id))
                .collect()
        }
    }

    pub fn selected(&self) -> Option<Id> {
        self.shown().get(self.item).map(|r| r.item)
    }

    pub fn voter_name(&self) -> Option<&str> {
        self.voter
            .and_then(|v| self.data.participant(v))
            .map(|p| p.name.as_str())
    }

    /// The `n`th person on the roster (from 1).
    fn nth_voter(&self, n: usize) -> Option<Id> {
        self.data.roster().nth(n.checked_sub(1)?).map(|p| p.id)
    }

    fn choose(&mut self, core: &mut Core, voter: Option<Id>) {
        self.voter = voter;
        if let Some(name) = self.voter_name() {
            let said = tf(core.lang, "votes.voter_chosen", &[("name", name)]);
            core.info(said);
        }
    }

    /// Applies a vote command as a new change; false when refused.
    fn apply(&mut self, core: &mut Core, command: VoteCommand, said: &str) -> bool {
        let id = self.data.session.id;
        let done = self
            .history
            .apply(&mut core.store, id, &Command::Vote(command));
        let said = core.t(said).to_string();
        self.after(core, done, said)
    }

    fn step_history(&mut self, core: &mut Core, back: bool) {
        let id = self.data.session.id;
        let done = if back {
            self.history.undo(&mut core.store, id)
        } else {
            self.history.redo(&mut core.store, id)
        };
        match done {
            None => core.info(core.t(crate::tui::screens::run::nothing_to(back))),
            Some(done) => {
                let said = self.history.said(core.lang, back);
                self.after(core, done, said);
            }
        }
    }

    /// Takes in what a command changed (no reload) and says how it went.
    fn after(
        &mut self,
        core: &mut Core,
        done: Result<Outcome, CommandError>,
        said: String,
    ) -> bool {
        match done {
            Ok(outcome) => {
                outcome.changes.apply_to(&mut self.data, None);
                core.success(said);
                true
            }
            Err(e) => {
                core.error(e.message(core.lang));
                false
            }
        }
    }

    /// `+`: one dot of the voter on the selected item.
    fn add_dot(&mut self, core: &mut Core) {
        let (Some(participant), Some(item)) = (self.voter, self.selected()) else {
            core.info(core.t("votes.choose_voter"));
            return;
        };
        let command = VoteCommand::CastVotes {
            participant,
            items: vec![item],
        };
        self.apply(core, command, "votes.dot_placed");
    }

    /// `-`: takes back the voter's last dot on the selected item.
    fn remove_dot(&mut self, core: &mut Core) {
        let (Some(voter), Some(item)) = (self.voter, self.selected()) else {
            core.info(core.t("votes.choose_voter"));
            return;
        };
        let last = self
            .data
            .voting
            .standing()
            .filter(|v| v.participant_id == Some(voter) && v.contribution_id == item)
            .last()
            .map(|v| v.id);
        match last {
            Some(id) => {
                self.apply(core, VoteCommand::RemoveVote { id }, "votes.dot_removed");
            }
            None => core.info(core.t("votes.no_dot_here")),
        }
    }

    fn open_tally(&self, core: &mut Core) {
        let Some(item) = self.selected() else { return };
        // The current tally is a count: shown only once revealed.
        let current = if self.data.voting.revealed {
            self.data.voting.tally(item).to_string()
        } else {
            String::new()
        };
        core.open_editor(
            core.t("votes.tally_title"),
            core.t("votes.tally_hint"),
            &current,
            Purpose::new(VoteEdit::Tally(item)),
            false,
        );
    }

    fn open_dots(&self, core: &mut Core) {
        let current = self.data.voting.dots_per_participant.to_string();
        core.open_editor(
            core.t("votes.dots_title"),
            core.t("votes.dots_hint"),
            &current,
            Purpose::new(VoteEdit::Dots),
            false,
        );
    }

    fn voter_picker(&self, core: &Core) -> Popup {
        Popup::Picker(Picker {
            title: core.t("votes.pick_voter").into(),
            items: self
                .data
                .roster()
                .map(|p| (Some(p.id), p.name.clone()))
                .collect(),
            filter: String::new(),
            selected: 0,
            numbered: false,
            purpose: Purpose::new(PickVoter),
        })
    }
}

fn update(s: &mut VoteState, core: &mut Core, action: Action) -> Option<Nav> {
    if let Some(to) = moved(&action, s.item, s.shown().len()) {
        s.item = to;
        return None;
    }
    match action {
        Action::Back => return Some(super::run::open_at_list(s.data.session.id)),
        Action::Participant(0) => s.voter = None,
        Action::Participant(n) => match s.nth_voter(n as usize) {
            Some(p) => s.choose(core, Some(p)),
            None => core.error(tf(
                core.lang,
                "run.no_participant_n",
                &[("n", &n.to_string())],
            )),
        },
        Action::PickParticipant => core.popup = Some(s.voter_picker(core)),
        Action::AddDot => s.add_dot(core),
        Action::RemoveDot => s.remove_dot(core),
        Action::Tally => s.open_tally(core),
        Action::SetDots => s.open_dots(core),
        Action::ToggleVotesShown => {
            let (command, said) = if s.data.voting.revealed {
                (VoteCommand::HideVotes, "votes.hidden")
            } else {
                (VoteCommand::RevealVotes, "votes.revealed")
            };
            s.apply(core, command, said);
        }
        Action::VoteRanking => {
            s.ranking = !s.ranking;
            s.item = 0;
            s.offset.set(0);
        }
        Action::Undo => s.step_history(core, true),
        Action::Redo => s.step_history(core, false),
        _ => {}
    }
    None
}
