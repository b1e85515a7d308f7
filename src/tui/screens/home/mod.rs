//! Home: the sessions in the database, grouped by event (see `groups`);
//! open, create, duplicate as the next session, export, archive, delete,
//! search every session.

mod groups;
mod import_notes;
mod view;

use super::moved;
use crate::i18n::tf;
use crate::model::{Id, RoomStatus, Timestamp};
use crate::store::{NewSession, SessionSummary};
use crate::templates::DEFAULT_TEMPLATE;
use crate::tui::action::Action;
use crate::tui::core::{Core, Nav};
use crate::tui::keymap::Context;
use crate::tui::popup::{Popup, Purpose, Question};
use crate::tui::screen::Screen;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use std::cell::Cell;

pub const HOME: Context = Context("home");
pub const FILTER: Context = Context("filter");

/// Home, with the session we come from selected.
pub fn open() -> Nav {
    Nav::to(|core, from| {
        let mut home = HomeState::load(core);
        if let Some(id) = from.and_then(|s| s.session()) {
            home.select(id);
        }
        Some(Box::new(home))
    })
}

/// The questions home asks.
enum HomeAsk {
    DeleteSession(Id),
    /// Create the session these notes make.
    ImportNotes(Box<crate::notes::Prepared>),
}

#[derive(Default)]
pub struct HomeState {
    pub sessions: Vec<SessionSummary>,
    pub filter: String,
    pub filtering: bool,
    pub show_archived: bool,
    pub selected: usize,
    pub offset: Cell<usize>,
    /// The session whose room is open (the app's, read on each load), so
    /// the hint bar offers to close it from here.
    pub room: Option<Id>,
    /// Rooms another program serves on this database (`atelier room` in
    /// another terminal), as their servers last wrote them: read with the
    /// sessions, shown while their heartbeat is recent.
    pub elsewhere: Vec<(Id, RoomStatus)>,
}

impl HomeState {
    pub fn load(core: &mut Core) -> HomeState {
        let mut s = HomeState::default();
        s.reload(core);
        // The newest session is selected, wherever its event puts it.
        if let Some(newest) = s.sessions.first().map(|n| n.id) {
            s.select(newest);
        }
        s
    }

    pub fn reload(&mut self, core: &mut Core) {
        self.room = crate::tui::room_panel::open_session(core);
        match core.store.room_statuses() {
            Ok(rooms) => {
                let ours = core.room.as_ref().map(|r| (r.session, r.url().to_string()));
                self.elsewhere = rooms
                    .into_iter()
                    .filter(|(id, r)| ours.as_ref() != Some(&(*id, r.url.clone())))
                    .collect();
            }
            Err(e) => core.fail(&e),
        }
        match core.store.list_sessions(self.show_archived) {
            Ok(list) => self.sessions = list,
            Err(e) => core.fail(&e),
        }
        self.selected = self.selected.min(self.visible().len().saturating_sub(1));
    }

    /// Sessions matching the filter (title, event or date), in home's
    /// order (grouped by event).
    pub fn visible(&self) -> Vec<&SessionSummary> {
        let f = self.filter.to_lowercase();
        let matching = self
            .sessions
            .iter()
            .filter(|s| {
                f.is_empty()
                    || s.title.to_lowercase().contains(&f)
                    || s.event.to_lowercase().contains(&f)
                    || s.date.to_string().contains(&f)
            })
            .collect();
        groups::arrange(matching)
    }

    /// The room another program serves for `session` at `now`, if any.
    pub fn served_elsewhere(&self, session: Id, now: Timestamp) -> Option<&RoomStatus> {
        self.elsewhere
            .iter()
            .find(|(id, r)| *id == session && r.alive_at(now))
            .map(|(_, r)| r)
    }

    pub fn current(&self) -> Option<&SessionSummary> {
        self.visible().get(self.selected).copied()
    }

    pub fn select(&mut self, id: crate::model::Id) {
        if let Some(i) = self.visible().iter().position(|s| s.id == id) {
            self.selected = i;
        }
    }

    pub fn type_char(&mut self, c: char) {
        self.filter.push(c);
        self.selected = 0;
    }

    pub fn backspace(&mut self) {
        self.filter.pop();
        self.selected = 0;
    }
}

impl Screen for HomeState {
    fn context(&self) -> Context {
        if self.filtering {
            FILTER
        } else {
            HOME
        }
    }

    fn takes_text(&self) -> bool {
        self.filtering
    }

    fn update(&mut self, core: &mut Core, action: Action) -> Option<Nav> {
        update(self, core, action)
    }

    fn render(&self, core: &Core, area: Rect, buf: &mut Buffer) {
        view::render(self, core, area, buf);
    }

    /// Actions on a session need one to be selected.
    fn can(&self, action: &Action) -> bool {
        match action {
            Action::Open
            | Action::Setup
            | Action::Review
            | Action::Duplicate
            | Action::Archive
            | Action::DeleteForever => self.current().is_some(),
            Action::Room => self.room.is_some(),
            _ => true,
        }
    }

    fn key(&mut self, _core: &mut Core, key: KeyEvent) {
        match key.code {
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                self.type_char(c)
            }
            KeyCode::Backspace => self.backspace(),
            _ => {}
        }
    }

    fn paste(&mut self, _core: &mut Core, text: &str) {
        for c in crate::text::clean(text, false).chars() {
            self.type_char(c);
        }
    }

    fn edited(&mut self, core: &mut Core, purpose: &Purpose, text: String) -> bool {
        if purpose.get::<import_notes::AskPath>().is_some() {
            return import_notes::path_given(core, &text);
        }
        if let Some(asked) = purpose.get::<import_notes::AskEvent>() {
            return import_notes::event_given(core, asked, &text);
        }
        if let Some(asked) = purpose.get::<import_notes::AskDate>() {
            return import_notes::date_given(core, asked, &text);
        }
        true
    }

    fn confirmed(&mut self, core: &mut Core, purpose: &Purpose) -> Option<Nav> {
        let id = match purpose.get::<HomeAsk>() {
            Some(HomeAsk::DeleteSession(id)) => id,
            Some(HomeAsk::ImportNotes(prepared)) => return import_notes::create(core, prepared),
            None => return None,
        };
        if let Err(e) = core.store.delete_session(*id) {
            core.fail(&e);
            return None;
        }
        core.success(core.t("home.deleted"));
        // A deleted session's room closes with it.
        crate::tui::room_panel::follow_screen(core, None);
        self.reload(core);
        None
    }

    fn refresh(&mut self, core: &mut Core) {
        self.reload(core);
    }

    /// While another program serves a room, the loop wakes each second so
    /// its marker goes when its heartbeat stops (a crash writes nothing
    /// that would wake home).
    fn timer_visible(&self) -> bool {
        let now = chrono::Utc::now();
        self.elsewhere.iter().any(|(_, r)| r.alive_at(now))
    }

    /// With no message and no room of the app's own: where a room of
    /// another program is served (the selected session's first).
    fn status_note(&self, core: &Core) -> Option<String> {
        let now = (core.clock)();
        let visible = self.visible();
        let selected = self.current().map(|c| c.id);
        let (session, room) = selected
            .into_iter()
            .chain(visible.iter().map(|s| s.id))
            .find_map(|id| Some((id, self.served_elsewhere(id, now)?)))?;
        let title = visible.iter().find(|s| s.id == session)?.title.clone();
        Some(view::elsewhere_status(core, &title, &room.url))
    }

    /// Text typed in a session and not yet recorded is kept as a draft;
    /// quitting says where it waits.
    fn quit_note(&self, core: &Core) -> Option<String> {
        let drafts = core.store.meta_with_prefix("draft:").ok()?;
        let titles: Vec<String> = drafts
            .iter()
            .filter_map(|(key, _)| {
                let id = Id::parse_str(key.strip_prefix("draft:")?).ok()?;
                let s = self.sessions.iter().find(|s| s.id == id)?;
                Some(tf(
                    core.lang,
                    "tuifix.quoted",
                    &[("text", &crate::text::clean(&s.title, false))],
                ))
            })
            .collect();
        (!titles.is_empty()).then(|| {
            tf(
                core.lang,
                "home.quit_with_drafts",
                &[("sessions", &titles.join(", "))],
            )
        })
    }

    fn return_nav(&self) -> Option<Nav> {
        Some(open())
    }

    crate::screen_any!();
}

fn update(s: &mut HomeState, core: &mut Core, action: Action) -> Option<Nav> {
    let len = s.visible().len();
    let current = s.current().map(|c| (c.id, c.archived, c.title.clone()));
    if let Some(to) = moved(&action, s.selected, len) {
        s.selected = to;
        return None;
    }
    match action {
        Action::Filter => s.filtering = true,
        Action::Confirm => s.filtering = false,
        Action::Back if s.filtering => {
            s.filtering = false;
            s.filter.clear();
        }
        Action::Quit | Action::Back => core.quit = true,
        Action::NewSession => return new_session(s, core),
        Action::ImportNotes => import_notes::ask_path(core),
        Action::Search => return Some(super::search::open()),
        Action::Room => {
            crate::tui::room_panel::close(core);
            s.room = None;
        }
        Action::Open => return current.map(|(id, ..)| super::run::open(id)),
        Action::Setup => return current.map(|(id, ..)| super::setup::open(id)),
        Action::Review => return current.map(|(id, ..)| super::review::open(id)),
        Action::Duplicate => {
            if let Some((id, ..)) = current {
                let today = (core.clock)().with_timezone(&chrono::Local).date_naive();
                match core.store.next_session(id, today, None) {
                    Ok(new) => {
                        s.reload(core);
                        s.select(new);
                        core.success(core.t("home.duplicated"));
                    }
                    Err(e) => core.fail(&e),
                }
            }
        }
        Action::Archive => {
            if let Some((id, archived, _)) = current {
                let result = if archived {
                    core.store.unarchive(id)
                } else {
                    core.store.archive(id)
                };
                match result {
                    Ok(()) => {
                        s.reload(core);
                        let key = if archived {
                            "home.unarchived"
                        } else {
                            "home.archived"
                        };
                        core.success(core.t(key));
                    }
                    Err(e) => core.fail(&e),
                }
            }
        }
        Action::ToggleArchived => {
            s.show_archived = !s.show_archived;
            s.reload(core);
        }
        Action::DeleteForever => {
            if let Some((id, _, title)) = current {
                core.popup = Some(Popup::Confirm {
                    message: core.t("home.confirm_delete").to_string(),
                    question: Question::Screen(Purpose::new(HomeAsk::DeleteSession(id))),
                    lost: Some(title),
                });
            }
        }
        _ => {}
    }
    None
}

fn new_session(s: &mut HomeState, core: &mut Core) -> Option<Nav> {
    let Some(template) = core.catalog.get(DEFAULT_TEMPLATE).cloned() else {
        core.error(core.t("home.no_template"));
        return None;
    };
    let today = (core.clock)().with_timezone(&chrono::Local).date_naive();
    let new = NewSession {
        title: core.t("home.new_title").to_string(),
        event: String::new(),
        date: today,
        language: core.lang,
        question: String::new(),
        context: String::new(),
        lead: String::new(),
        participants: Vec::new(),
    };
    match core.store.create_session(&new, &template) {
        Ok(id) => {
            s.reload(core);
            Some(super::setup::open_new(id))
        }
        Err(e) => {
            core.fail(&e);
            None
        }
    }
}
