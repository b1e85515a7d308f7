//! What a command changed. One `Delta` lists the rows a command wrote; a
//! handler fills it (`Done`), a batch merges its steps' deltas, and the
//! caller gets it with the session row (`Changes`) to update its copy of
//! the session without reloading it. A new kind of data is one field here,
//! not one per struct.

use super::Command;
use crate::model::{
    Action, Contribution, Decision, Id, Link, Participant, Pass, Segment, Session, SessionData,
    SessionStatus, Stage, Synthesis, Theme, Voting,
};
use std::collections::HashMap;

/// The clocks of some stages and the session's status, as they were.
#[derive(Debug, Clone, PartialEq)]
pub struct Timing {
    pub status: SessionStatus,
    pub stages: Vec<(Id, Vec<Segment>)>,
}

/// The rows a command wrote, as they are now. Lists that change as a
/// whole (the decision log, the actions…) are given whole when they
/// changed, `None` otherwise.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Delta {
    /// New or changed contributions (deleted ones included, flagged).
    pub contributions: Vec<Contribution>,
    /// Stages whose clock, title, notes or structure changed.
    pub stages: Vec<Stage>,
    /// `stages` is the session's whole new list of stages (template change).
    pub stages_replaced: bool,
    pub participants: Vec<Participant>,
    pub synthesis: Option<Synthesis>,
    pub decisions: Option<Vec<Decision>>,
    pub actions: Option<Vec<Action>>,
    pub passes: Option<Vec<Pass>>,
    pub themes: Option<Vec<Theme>>,
    pub voting: Option<Voting>,
    pub links: Option<Vec<Link>>,
    /// The previous session's open actions, when one was carried over or
    /// settled (they live in that session, not in this one).
    pub carry_over: Option<Vec<Action>>,
    /// The session's own row changed (fields, status, language).
    pub session_changed: bool,
    /// The report's review cycle, whole, when a review command changed it.
    pub review: Option<crate::model::ReviewLog>,
    /// Inputs from the room whose decision changed, as they are now.
    pub inbox: Vec<crate::model::InboxItem>,
    /// The session's room settings, when they changed.
    pub room_settings: Option<crate::store::RoomSettings>,
}

impl Delta {
    /// Whether the command changed nothing (no need to offer its undo, nor
    /// to touch the session's `updated_at`).
    pub fn is_empty(&self) -> bool {
        self == &Delta::default()
    }

    /// Adds what a later command of the same batch did: its rows replace
    /// the same rows changed earlier, its whole lists the earlier ones.
    fn merge(&mut self, later: Delta) {
        fn upsert<T, K: PartialEq>(into: &mut Vec<T>, from: Vec<T>, key: impl Fn(&T) -> K) {
            for x in from {
                match into.iter_mut().find(|y| key(y) == key(&x)) {
                    Some(y) => *y = x,
                    None => into.push(x),
                }
            }
        }
        fn replace<T>(into: &mut Option<T>, from: Option<T>) {
            if from.is_some() {
                *into = from;
            }
        }
        if later.stages_replaced {
            self.stages.clear();
            self.stages_replaced = true;
        }
        upsert(&mut self.contributions, later.contributions, |c| c.id);
        upsert(&mut self.stages, later.stages, |s| s.id);
        upsert(&mut self.participants, later.participants, |p| p.id);
        replace(&mut self.synthesis, later.synthesis);
        replace(&mut self.decisions, later.decisions);
        replace(&mut self.actions, later.actions);
        replace(&mut self.passes, later.passes);
        replace(&mut self.themes, later.themes);
        replace(&mut self.voting, later.voting);
        replace(&mut self.links, later.links);
        replace(&mut self.carry_over, later.carry_over);
        self.session_changed |= later.session_changed;
        replace(&mut self.review, later.review);
        upsert(&mut self.inbox, later.inbox, |i| i.id);
        replace(&mut self.room_settings, later.room_settings);
    }
}

/// What a command changed, with the session row as it is now: enough for
/// a screen to update the rows it shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Changes {
    pub session: Session,
    pub delta: Delta,
}

impl Changes {
    /// Puts what a command changed into a screen's copy of the session, so
    /// no screen reloads it. `index` (contribution id → place in
    /// `data.contributions`) makes each contribution a direct update; a
    /// screen without one gets a search.
    pub fn apply_to(&self, data: &mut SessionData, mut index: Option<&mut HashMap<Id, usize>>) {
        let d = &self.delta;
        data.session = self.session.clone();
        for c in &d.contributions {
            let at = match index.as_deref() {
                Some(index) => index.get(&c.id).copied(),
                None => data.contributions.iter().position(|x| x.id == c.id),
            };
            match at {
                Some(i) => data.contributions[i] = c.clone(),
                None => {
                    if let Some(index) = index.as_deref_mut() {
                        index.insert(c.id, data.contributions.len());
                    }
                    data.contributions.push(c.clone());
                }
            }
        }
        if d.stages_replaced {
            data.stages = d.stages.clone();
        } else {
            for st in &d.stages {
                if let Some(old) = data.stages.iter_mut().find(|x| x.id == st.id) {
                    *old = st.clone();
                }
            }
        }
        for p in &d.participants {
            match data.participants.iter_mut().find(|x| x.id == p.id) {
                Some(old) => *old = p.clone(),
                None => data.participants.push(p.clone()),
            }
        }
        data.participants.sort_by_key(|p| p.position);
        fn put<T: Clone>(into: &mut T, from: &Option<T>) {
            if let Some(x) = from {
                *into = x.clone();
            }
        }
        put(&mut data.synthesis, &d.synthesis);
        put(&mut data.decisions, &d.decisions);
        put(&mut data.actions, &d.actions);
        put(&mut data.passes, &d.passes);
        put(&mut data.themes, &d.themes);
        put(&mut data.voting, &d.voting);
        put(&mut data.links, &d.links);
        put(&mut data.review, &d.review);
    }

    /// Whether the command changed nothing (no need to offer its undo).
    pub fn is_empty(&self) -> bool {
        self.delta.is_empty()
    }
}

/// The result of applying a command.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub changes: Changes,
    /// Applying this undoes the command.
    pub inverse: Command,
}

/// What one command handler did, before the session row is added.
pub(crate) struct Done {
    pub delta: Delta,
    pub inverse: Command,
}

impl Done {
    pub(crate) fn new(inverse: Command) -> Done {
        Done {
            delta: Delta::default(),
            inverse,
        }
    }

    /// Adds what a later command of the same batch did.
    pub(super) fn merge(&mut self, later: Done) {
        self.delta.merge(later.delta);
    }

    pub(super) fn changed(&self) -> bool {
        !self.delta.is_empty()
    }
}
