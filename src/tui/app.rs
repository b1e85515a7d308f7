//! The application: the shared context and the current screen. Drawing
//! never changes it (except scroll offsets kept in cells) and never
//! touches the store; `update` does.

use super::action::Action;
use super::core::{Clock, Core, Nav};
use super::keymap::Context;
use super::popup::Popup;
use super::screen::Screen;
use super::screens::home;
use super::theme::Theme;
use crate::model::Lang;
use crate::store::Store;
use crate::templates::Catalog;
use std::path::PathBuf;

pub struct App {
    pub screen: Box<dyn Screen>,
    pub core: Core,
    /// Ring the terminal bell when a stage enters its last two minutes and
    /// when its time is up (`ATELIER_BELL=1`; off by default).
    pub bell: bool,
    /// The warning level last seen, to ring only as it rises.
    last_alert: Option<(crate::model::Id, crate::model::TimerAlert)>,
}

impl App {
    pub fn new(
        store: Store,
        lang: Lang,
        catalog: Catalog,
        clock: Clock,
        export_dir: PathBuf,
    ) -> App {
        // One clock for the whole app: what the screens show and what the
        // store writes read the same time (tests fix it).
        let mut store = store;
        store.set_clock(std::sync::Arc::new(clock));
        let mut core = Core {
            store,
            lang,
            catalog,
            templates_dir: None,
            theme: Theme::from_env(),
            popup: None,
            under: None,
            help: None,
            status: None,
            clock,
            export_dir,
            quit: false,
            histories: Default::default(),
            room: None,
            room_events: None,
        };
        let screen = home::open().build(&mut core, None).unwrap_or_else(|| {
            // Home shows an empty list when the store cannot be read.
            Box::new(home::HomeState::default())
        });
        let bell = std::env::var("ATELIER_BELL").is_ok_and(|v| v == "1");
        App {
            screen,
            core,
            bell,
            last_alert: None,
        }
    }

    pub fn t(&self, key: &str) -> &'static str {
        self.core.t(key)
    }

    /// The current screen as its concrete state, if it is a `T`.
    pub fn screen_as<T: Screen>(&self) -> Option<&T> {
        self.screen.as_any().downcast_ref()
    }

    pub fn screen_as_mut<T: Screen>(&mut self) -> Option<&mut T> {
        self.screen.as_any_mut().downcast_mut()
    }

    /// Shows the screen `nav` leads to; a screen that cannot load keeps
    /// the current one (the reason is on the status line).
    pub fn navigate(&mut self, nav: Nav) {
        if let Some(next) = nav.build(&mut self.core, Some(self.screen.as_ref())) {
            self.screen = next;
        }
        super::room_panel::follow_screen(&mut self.core, self.screen.session());
    }

    /// The context of the screen itself, under any popup or overlay.
    pub fn screen_context(&self) -> Context {
        match &self.core.popup {
            Some(popup) => popup.context(),
            None => self.screen.context(),
        }
    }

    /// Where keys go now: the help overlay, a popup, or the screen.
    pub fn context(&self) -> Context {
        if self.core.help.is_some() {
            Context::HELP
        } else {
            self.screen_context()
        }
    }

    /// Whether printable keys are text now, not commands.
    pub fn takes_text(&self) -> bool {
        if self.core.help.is_some() {
            return false;
        }
        match &self.core.popup {
            Some(popup) => popup.takes_text(),
            None => self.screen.takes_text(),
        }
    }

    /// Whether typed text would be lost by quitting now.
    pub fn has_unsent_text(&self) -> bool {
        let popup_text = self.core.popup.as_ref().is_some_and(Popup::has_text);
        popup_text || self.screen.has_unsent_text()
    }

    /// Whether `action` can do anything now, so the hint bar offers only
    /// that (the help overlay lists everything).
    pub fn can(&self, action: &Action) -> bool {
        if let Some(Popup::Editor(e)) = &self.core.popup {
            // A one-line editor (a path, a name) has no new line to offer.
            return e.multi_line || *action != Action::Newline;
        }
        self.core.popup.is_some() || self.core.help.is_some() || self.screen.can(action)
    }

    /// Keeps what is typed but not yet recorded, before the app leaves.
    pub fn save_drafts(&mut self) {
        self.screen.save_drafts(&mut self.core);
    }

    /// Another process wrote to the database (a CLI `add`, a second
    /// instance): the screen shows the new state, keeping what is typed
    /// and what is selected.
    pub fn store_changed(&mut self) {
        self.screen.refresh(&mut self.core);
    }

    /// Whether a running timer is on screen, so the loop must tick.
    pub fn timer_visible(&self) -> bool {
        self.screen.timer_visible()
    }

    /// Whether the bell should ring now: it is on and the running stage
    /// has just entered its warning or gone over time.
    pub fn ring_bell(&mut self) -> bool {
        let now = self.screen.timer_alert(&self.core);
        let rises = crate::tui::screens::run::rings(self.last_alert, now);
        self.last_alert = now;
        self.bell && rises
    }
}
