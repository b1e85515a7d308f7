//! The application model: everything the screens draw from. Drawing never
//! changes it (except scroll offsets kept in cells) and never touches the
//! store; `update` does.

use super::keymap::Context;
use super::popup::Popup;
use super::screens::{
    home::HomeState, review::ReviewState, run::RunState, setup::SetupState,
    synthesis::SynthesisState,
};
use super::theme::Theme;
use crate::i18n::t;
use crate::model::{Id, Lang, Timestamp};
use crate::store::Store;
use crate::templates::Catalog;
use std::cell::Cell;
use std::path::PathBuf;

/// The time source; tests pass a fixed one so screens are reproducible.
pub type Clock = fn() -> Timestamp;

pub enum Screen {
    Home(HomeState),
    Setup(SetupState),
    Run(Box<RunState>),
    Synthesis(SynthesisState),
    Review(ReviewState),
}

/// Where a screen asks to go next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    Home,
    Setup(Id),
    Run(Id),
    Synthesis(Id),
    Review(Id),
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

/// What every screen shares: the store, the language, dialogs, messages.
pub struct Core {
    pub store: Store,
    /// Interface language; reports and template labels follow the session's.
    pub lang: Lang,
    pub catalog: Catalog,
    pub theme: Theme,
    pub popup: Option<Popup>,
    /// A dialog waiting under a yes/no question, brought back on "no".
    pub under: Option<Popup>,
    /// The help overlay, with its scroll offset.
    pub help: Option<Cell<usize>>,
    pub status: Option<Status>,
    pub clock: Clock,
    pub export_dir: PathBuf,
    pub quit: bool,
}

impl Core {
    pub fn t(&self, key: &str) -> &'static str {
        t(self.lang, key)
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
}

pub struct App {
    pub screen: Screen,
    pub core: Core,
}

impl App {
    pub fn new(
        store: Store,
        lang: Lang,
        catalog: Catalog,
        clock: Clock,
        export_dir: PathBuf,
    ) -> App {
        let mut core = Core {
            store,
            lang,
            catalog,
            theme: Theme::from_env(),
            popup: None,
            under: None,
            help: None,
            status: None,
            clock,
            export_dir,
            quit: false,
        };
        let home = HomeState::load(&mut core);
        App {
            screen: Screen::Home(home),
            core,
        }
    }

    pub fn t(&self, key: &str) -> &'static str {
        self.core.t(key)
    }

    /// The context of the screen itself, under any popup or overlay.
    pub fn screen_context(&self) -> Context {
        if let Some(popup) = &self.core.popup {
            return popup.context();
        }
        match &self.screen {
            Screen::Home(h) => h.context(),
            Screen::Setup(_) => Context::Setup,
            Screen::Run(r) => r.context(),
            Screen::Synthesis(_) => Context::Synthesis,
            Screen::Review(_) => Context::Review,
        }
    }

    /// Where keys go now: the help overlay, a popup, or the screen.
    pub fn context(&self) -> Context {
        if self.core.help.is_some() {
            Context::Help
        } else {
            self.screen_context()
        }
    }

    /// Whether typed text would be lost by quitting now.
    pub fn has_unsent_text(&self) -> bool {
        let popup_text = self.core.popup.as_ref().is_some_and(Popup::has_text);
        let input_text = match &self.screen {
            Screen::Run(r) => r.has_text(),
            _ => false,
        };
        popup_text || input_text
    }

    /// Whether `action` can do anything now, so the hint bar offers only
    /// that (the help overlay lists everything).
    pub fn can(&self, action: &super::action::Action) -> bool {
        if self.core.popup.is_some() || self.core.help.is_some() {
            return true;
        }
        match &self.screen {
            Screen::Home(h) => h.can(action),
            Screen::Run(r) => r.can(action),
            Screen::Review(r) => r.can(action),
            Screen::Setup(_) | Screen::Synthesis(_) => true,
        }
    }

    /// Keeps what is typed but not yet recorded, before the app leaves.
    pub fn save_drafts(&mut self) {
        if let Screen::Run(r) = &self.screen {
            super::screens::run::save_draft(r, &mut self.core);
        }
    }

    /// Another process wrote to the database (a CLI `add`, a second
    /// instance): the screen shows the new state, keeping what is typed
    /// and what is selected.
    pub fn store_changed(&mut self) {
        let core = &mut self.core;
        match &mut self.screen {
            Screen::Home(h) => h.reload(core),
            Screen::Setup(s) => s.refresh(core),
            Screen::Run(r) => r.refresh(core, None),
            Screen::Synthesis(s) => s.refresh(core),
            Screen::Review(r) => r.refresh(core),
        }
    }

    /// Whether a running timer is on screen, so the loop must tick.
    pub fn timer_visible(&self) -> bool {
        match &self.screen {
            Screen::Run(r) => r.timer_running(),
            _ => false,
        }
    }
}
