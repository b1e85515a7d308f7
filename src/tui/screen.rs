//! A screen is one unit: its state, what it does with an action, how it
//! draws, and what it does with the answers of the dialogs it opened. The
//! app only ever talks to the current screen through this trait, so a new
//! screen lives in its own folder under `screens/`, with its bindings in
//! `assets/keymap.json` and its texts in `assets/i18n/`.

use super::action::Action;
use super::core::{Core, Nav};
use super::keymap::Context;
use super::popup::Purpose;
use crate::model::Id;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use std::any::Any;

pub trait Screen: Any {
    /// Which bindings apply now (a screen may have several, e.g. a list
    /// and an input box).
    fn context(&self) -> Context;

    /// Whether printable keys are text here, not commands.
    fn takes_text(&self) -> bool {
        false
    }

    /// Applies an action; may ask to go to another screen.
    fn update(&mut self, core: &mut Core, action: Action) -> Option<Nav>;

    fn render(&self, core: &Core, area: Rect, buf: &mut Buffer);

    /// Whether `action` can do anything now: the hint bar offers only that.
    fn can(&self, _action: &Action) -> bool {
        true
    }

    /// A key that is no binding, where the screen takes text.
    fn key(&mut self, _core: &mut Core, _key: KeyEvent) {}

    /// Whether pasted text would land somewhere now.
    fn accepts_paste(&self) -> bool {
        self.takes_text()
    }

    /// Pasted text (only when `accepts_paste`).
    fn paste(&mut self, _core: &mut Core, _text: &str) {}

    /// The mouse wheel, `delta` rows; false lets the app send Up/Down.
    fn scroll(&mut self, _delta: isize) -> bool {
        false
    }

    /// The text of an editor this screen opened; false keeps the editor
    /// open with its text (refused or failed).
    fn edited(&mut self, _core: &mut Core, _purpose: &Purpose, _text: String) -> bool {
        true
    }

    /// An editor this screen opened was cancelled (Esc) with `text` in
    /// it: a screen that keeps drafts keeps it.
    fn cancelled(&mut self, _core: &mut Core, _purpose: &Purpose, _text: String) {}

    /// Whether `cancelled` keeps an editor's text as a draft for `purpose`
    /// (then Esc closes it without asking; else changed text is asked
    /// about before it is dropped).
    fn keeps_cancelled(&self, _purpose: &Purpose) -> bool {
        false
    }

    /// The choice made in a picker this screen opened.
    fn picked(&mut self, _core: &mut Core, _purpose: &Purpose, _value: Option<Id>) -> Option<Nav> {
        None
    }

    /// "Yes" to a question this screen asked.
    fn confirmed(&mut self, _core: &mut Core, _purpose: &Purpose) -> Option<Nav> {
        None
    }

    /// Another process changed the database: show the new state, keeping
    /// what is typed and selected.
    fn refresh(&mut self, _core: &mut Core) {}

    /// Whether typed text would be lost by leaving now.
    fn has_unsent_text(&self) -> bool {
        false
    }

    /// Something typed elsewhere and kept, worth a word before quitting
    /// (e.g. a draft waiting in a session).
    fn quit_note(&self, _core: &Core) -> Option<String> {
        None
    }

    /// Keeps what is typed but not yet recorded, before the app leaves.
    fn save_drafts(&mut self, _core: &mut Core) {}

    /// Whether a running timer is on screen, so the loop must tick.
    fn timer_visible(&self) -> bool {
        false
    }

    /// What the status line says when it has no message and no room of
    /// the app's to recall.
    fn status_note(&self, _core: &Core) -> Option<String> {
        None
    }

    /// The running stage's warning level, if a countdown is on screen (the
    /// app rings the bell, when asked for, as it rises).
    fn timer_alert(&self, _core: &Core) -> Option<(Id, crate::model::TimerAlert)> {
        None
    }

    /// The session shown, if any.
    fn session(&self) -> Option<Id> {
        None
    }

    /// How to come back to this screen as it is (for "back" from a screen
    /// opened from here).
    fn return_nav(&self) -> Option<Nav> {
        None
    }

    fn as_any(&self) -> &dyn Any;
    fn as_any_mut(&mut self) -> &mut dyn Any;
}

/// The `as_any` pair every screen needs, so tests and the app can look at
/// the concrete state.
#[macro_export]
macro_rules! screen_any {
    () => {
        fn as_any(&self) -> &dyn std::any::Any {
            self
        }
        fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
            self
        }
    };
}
