//! Search, from home: the words typed are looked up in every session as
//! they are typed (the store's full-text index); the hits, grouped by
//! session, open the session where they are.

mod view;

use super::moved;
use super::run::{Focus, RunState};
use crate::model::Id;
use crate::store::{grouped, Hit, Refused, SearchFilter, Source, StoreError};
use crate::tui::action::Action;
use crate::tui::core::{Core, Nav};
use crate::tui::keymap::Context;
use crate::tui::screen::Screen;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use std::cell::Cell;

pub const SEARCH: Context = Context("search");

/// At most this many hits on screen: the best ones.
const LIMIT: usize = 100;

/// The search screen, empty.
pub fn open() -> Nav {
    Nav::to(|_, _| Some(Box::new(SearchState::default())))
}

/// A line of the result list: a session's heading or one of its hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Session(usize),
    Hit(usize),
}

#[derive(Default)]
pub struct SearchState {
    pub query: String,
    /// The hits, those of a session together (best session first).
    pub hits: Vec<Hit>,
    pub rows: Vec<Row>,
    /// Index into `hits`.
    pub selected: usize,
    pub offset: Cell<usize>,
    /// Each session's id start, as commands take it: tells apart two
    /// sessions of the same title and date.
    pub prefixes: std::collections::HashMap<Id, String>,
}

impl SearchState {
    /// Looks the words up again; no words is no hit (not an error).
    fn run(&mut self, core: &mut Core) {
        self.selected = 0;
        self.offset.set(0);
        let found = core
            .store
            .search(&self.query, &SearchFilter::default(), LIMIT);
        let hits = match found {
            Ok(hits) => hits,
            Err(StoreError::Invalid(Refused::EmptySearch)) => Vec::new(),
            Err(e) => {
                core.fail(&e);
                Vec::new()
            }
        };
        self.hits = grouped(&hits).into_iter().flatten().cloned().collect();
        if !self.hits.is_empty() {
            self.prefixes = core.store.session_prefixes().unwrap_or_default();
        }
        self.rows.clear();
        for (i, hit) in self.hits.iter().enumerate() {
            if i == 0 || self.hits[i - 1].session != hit.session {
                self.rows.push(Row::Session(i));
            }
            self.rows.push(Row::Hit(i));
        }
    }

    pub fn current(&self) -> Option<&Hit> {
        self.hits.get(self.selected)
    }

    /// The row of the selected hit.
    pub fn selected_row(&self) -> usize {
        self.rows
            .iter()
            .position(|r| *r == Row::Hit(self.selected))
            .unwrap_or(0)
    }

    fn type_text(&mut self, core: &mut Core, text: &str) {
        self.query.push_str(text);
        self.run(core);
    }
}

impl Screen for SearchState {
    fn context(&self) -> Context {
        SEARCH
    }

    fn takes_text(&self) -> bool {
        true
    }

    fn update(&mut self, _core: &mut Core, action: Action) -> Option<Nav> {
        if let Some(to) = moved(&action, self.selected, self.hits.len()) {
            self.selected = to;
            return None;
        }
        match action {
            Action::Open => return self.current().map(at_hit),
            Action::Back | Action::Quit => return Some(super::home::open()),
            _ => {}
        }
        None
    }

    fn render(&self, core: &Core, area: Rect, buf: &mut Buffer) {
        view::render(self, core, area, buf);
    }

    fn can(&self, action: &Action) -> bool {
        match action {
            Action::Open => self.current().is_some(),
            _ => true,
        }
    }

    fn key(&mut self, core: &mut Core, key: KeyEvent) {
        match key.code {
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                self.type_text(core, &c.to_string())
            }
            KeyCode::Backspace => {
                self.query.pop();
                self.run(core);
            }
            _ => {}
        }
    }

    fn paste(&mut self, core: &mut Core, text: &str) {
        self.type_text(core, &crate::text::clean(text, false));
    }

    /// Another connection wrote: the hits are looked up again.
    fn refresh(&mut self, core: &mut Core) {
        let selected = self.selected;
        self.run(core);
        self.selected = selected.min(self.hits.len().saturating_sub(1));
    }

    fn return_nav(&self) -> Option<Nav> {
        Some(super::home::open())
    }

    crate::screen_any!();
}

/// Where a hit opens: a contribution selected on the run screen (in its
/// stage), the synthesis for its parts, the follow-through screen for an
/// action or a decision, the run screen for the session itself.
fn at_hit(hit: &Hit) -> Nav {
    let session = hit.session;
    match (hit.source, hit.contribution) {
        (Source::Contribution, Some(item)) if !hit.parked => open_at_item(session, item),
        (Source::Synthesis | Source::Proposal | Source::Block, _) => {
            super::synthesis::open(session)
        }
        (Source::Action | Source::Decision, _) => super::follow::open(session),
        _ => super::run::open(session),
    }
}

/// The run screen of `session` on the stage of `item`, with `item`
/// selected in the list. A closed session opens on its review screen, as
/// from home.
fn open_at_item(session: Id, item: Id) -> Nav {
    Nav::to(move |core, from| {
        let closed = core
            .store
            .session(session)
            .is_ok_and(|s| s.status == crate::model::SessionStatus::Closed);
        if closed {
            return super::run::open(session).build(core, from);
        }
        let mut run = RunState::open(core, session)?;
        let stage = run
            .data
            .contributions
            .iter()
            .find(|c| c.id == item)
            .map(|c| c.stage_id);
        if let Some(i) = run.data.stages.iter().position(|s| Some(s.id) == stage) {
            run.go_to_stage(core, i);
        }
        run.rebuild(Some(item));
        run.focus = Focus::List;
        Some(Box::new(run))
    })
}
