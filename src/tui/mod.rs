//! The terminal interface: a synchronous loop that blocks on input and
//! wakes once a second only while a stage timer is on screen.

pub mod action;
pub mod app;
pub mod flow;
pub mod keymap;
pub mod popup;
pub mod screens;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod ui;
pub mod update;
pub mod widgets;

use crate::i18n::system_lang;
use crate::model::Lang;
use crate::store::Store;
use crate::templates::Catalog;
use action::Action;
use anyhow::Context as _;
use app::{App, Screen};
use keymap::Context;
use popup::Popup;
use ratatui::crossterm::event::{
    self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind,
};
use std::path::Path;
use std::time::Duration;

/// The sample session, offered on the very first launch.
pub const SAMPLE: &str = include_str!("../../sessions/atelier-5-emergence-session-1.json");
const SAMPLE_FLAG: &str = "sample_offered";

/// Opens the terminal interface on the database at `db` (or the default).
pub fn run(db: Option<&Path>, lang: Option<Lang>) -> anyhow::Result<()> {
    let path = db
        .map(Path::to_path_buf)
        .unwrap_or_else(crate::paths::default_db);
    let mut store = Store::open(&path)?;
    let catalog = Catalog::load(crate::paths::user_templates().as_deref());
    offer_sample(&mut store, &catalog).context("cannot add the sample session")?;
    let lang = lang.unwrap_or_else(system_lang);
    let mut app = App::new(
        store,
        lang,
        catalog,
        crate::model::now,
        crate::paths::export_dir(),
    );
    if let Some(e) = app.core.catalog.errors.first().cloned() {
        app.core.error(e);
    }
    let (_guard, mut terminal) = terminal::TerminalGuard::enter()?;
    let result = event_loop(&mut terminal, &mut app);
    if let Screen::Run(r) = &app.screen {
        screens::run::save_draft(r, &mut app.core);
    }
    result
}

/// Puts the sample session in a database the first time the app opens it.
pub fn offer_sample(store: &mut Store, catalog: &Catalog) -> anyhow::Result<()> {
    if store.meta(SAMPLE_FLAG)?.is_some() {
        return Ok(());
    }
    if store.list_sessions(true)?.is_empty() {
        let data = crate::bundle::parse(
            "sessions/atelier-5-emergence-session-1.json",
            SAMPLE,
            catalog,
        )?;
        store.insert_session_data(&data)?;
    }
    store.set_meta(SAMPLE_FLAG, "1")?;
    Ok(())
}

fn event_loop(terminal: &mut terminal::Term, app: &mut App) -> anyhow::Result<()> {
    loop {
        terminal.draw(|f| ui::draw(f, app))?;
        if app.core.quit {
            return Ok(());
        }
        if app.timer_visible() {
            // Wake at the next whole second so the timer ticks evenly.
            let millis = 1000 - (app.core.clock)().timestamp_subsec_millis() as u64 % 1000;
            if !event::poll(Duration::from_millis(millis.max(1)))? {
                continue;
            }
        }
        let event = event::read()?;
        handle_event(app, event);
    }
}

/// Turns one terminal event into actions or typed text.
pub fn handle_event(app: &mut App, event: Event) {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => handle_key(app, key),
        Event::Paste(text) => paste(app, &text),
        Event::Mouse(mouse) => {
            let action = match mouse.kind {
                MouseEventKind::ScrollUp => Action::Up,
                MouseEventKind::ScrollDown => Action::Down,
                _ => return,
            };
            match app.context() {
                Context::Editor | Context::Confirm => {}
                // While typing, the wheel still scrolls the list beside.
                Context::Input => {
                    if let Screen::Run(r) = &mut app.screen {
                        r.scroll(if action == Action::Up { -3 } else { 3 });
                    }
                }
                _ => {
                    for _ in 0..3 {
                        update::update(app, action.clone());
                    }
                }
            }
        }
        _ => {}
    }
}

pub fn handle_key(app: &mut App, key: KeyEvent) {
    let context = app.context();
    if let Some(action) = keymap::lookup(context, &key) {
        update::update(app, action);
        return;
    }
    if !context.takes_text() {
        return;
    }
    let plain_char = match key.code {
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(c)
        }
        _ => None,
    };
    match context {
        Context::Filter => {
            if let Screen::Home(h) = &mut app.screen {
                match (plain_char, key.code) {
                    (Some(c), _) => h.type_char(c),
                    (None, KeyCode::Backspace) => h.backspace(),
                    _ => {}
                }
            }
        }
        Context::Picker => match (plain_char, key.code) {
            (Some(c), _) => update::picker_char(app, c),
            (None, KeyCode::Backspace) => {
                if let Some(Popup::Picker(p)) = &mut app.core.popup {
                    p.backspace();
                }
            }
            _ => {}
        },
        Context::Editor => {
            if let Some(Popup::Editor(e)) = &mut app.core.popup {
                e.textarea.input(key);
            }
        }
        Context::Input => {
            if let Screen::Run(r) = &mut app.screen {
                r.key(key);
            }
        }
        _ => {}
    }
}

fn paste(app: &mut App, text: &str) {
    match app.context() {
        Context::Editor => {
            if let Some(Popup::Editor(e)) = &mut app.core.popup {
                let multi = e.multi_line;
                widgets::editor::paste(&mut e.textarea, text, multi);
            }
        }
        Context::Input | Context::Run => {
            if let Screen::Run(r) = &mut app.screen {
                r.paste(text);
            }
        }
        Context::Filter => {
            if let Screen::Home(h) = &mut app.screen {
                for c in text::clean(text, false).chars() {
                    h.type_char(c);
                }
            }
        }
        _ => {}
    }
}
