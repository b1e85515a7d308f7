//! What every screen shares: the store, the language, the catalog, the
//! dialog on top, the status line, the clock, and how a screen asks to go
//! to another one.

use super::history::History;
use super::popup::Popup;
use super::screen::Screen;
use super::theme::Theme;
use crate::i18n::t;
use crate::model::{Id, Timestamp};
use crate::store::Store;
use crate::templates::Catalog;
use std::collections::HashMap;
use std::path::PathBuf;

/// The time source; tests pass a fixed one so screens are reproducible.
pub type Clock = fn() -> Timestamp;

/// A request to show another screen: how to build it, given the shared
/// context and the screen being left (to come back to it, or to select
/// what it showed). Each screen module offers its own constructors
/// (`run::open(id)`), so adding a screen adds no case anywhere else.
pub struct Nav(Box<dyn BuildScreen>);

/// Builds a screen from the shared context and the screen being left.
pub trait BuildScreen: FnOnce(&mut Core, Option<&dyn Screen>) -> Option<Box<dyn Screen>> {}

impl<F: FnOnce(&mut Core, Option<&dyn Screen>) -> Option<Box<dyn Screen>>> BuildScreen for F {}

impl Nav {
    pub fn to(build: impl BuildScreen + 'static) -> Nav {
        Nav(Box::new(build))
    }

    /// Builds the screen; `None` when it could not load (the reason is on
    /// the status line) and the current screen stays.
    pub fn build(self, core: &mut Core, from: Option<&dyn Screen>) -> Option<Box<dyn Screen>> {
        (self.0)(core, from)
    }
}

impl std::fmt::Debug for Nav {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Nav")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Success,
    Error,
}

#[derive(Debug, Clone)]
pub struct Status {
    pub text: String,
    pub tone: Tone,
}

pub struct Core {
    pub store: Store,
    /// Interface language; reports and template labels follow the session's.
    pub lang: crate::model::Lang,
    pub catalog: Catalog,
    /// The user's templates folder, read again when set-up opens so a
    /// template added meanwhile shows without a restart.
    pub templates_dir: Option<PathBuf>,
    pub theme: Theme,
    pub popup: Option<Popup>,
    /// A dialog waiting under a yes/no question, brought back on "no".
    pub under: Option<Popup>,
    /// The help overlay, with its scroll offset.
    pub help: Option<super::widgets::help::HelpScroll>,
    pub status: Option<Status>,
    pub clock: Clock,
    pub export_dir: PathBuf,
    pub quit: bool,
    /// Each session's undo/redo history, for the whole run: every screen
    /// of a session walks the same one.
    pub histories: HashMap<Id, History>,
    /// The room open for phones, if any (see `room_panel`).
    pub room: Option<super::room_panel::OpenRoom>,
    /// Where the room's notices wake the event loop (none in tests).
    pub room_events: Option<std::sync::mpsc::Sender<super::event_loop::Event>>,
}

impl Core {
    /// Reads the templates again (built-in ones and the user's folder).
    pub fn reload_templates(&mut self) {
        if let Some(dir) = &self.templates_dir {
            self.catalog = Catalog::load(Some(dir));
        }
    }

    pub fn t(&self, key: &str) -> &'static str {
        t(self.lang, key)
    }

    /// The history of `session`, shared with every screen showing it.
    pub fn history(&mut self, session: Id) -> History {
        self.histories.entry(session).or_default().clone()
    }

    fn say(&mut self, text: String, tone: Tone) {
        self.status = Some(Status { text, tone });
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.say(text.into(), Tone::Info);
    }

    pub fn success(&mut self, text: impl Into<String>) {
        self.say(text.into(), Tone::Success);
    }

    pub fn error(&mut self, text: impl std::fmt::Display) {
        self.say(text.to_string(), Tone::Error);
    }

    /// Says what went wrong in the interface's language.
    pub fn fail(&mut self, e: &impl crate::i18n::Localized) {
        let text = e.message_in(self.lang);
        self.say(text, Tone::Error);
    }
}
