//! Helpers for driving the terminal UI in tests without a terminal.
#![allow(dead_code)]

use atelier::model::{Lang, Timestamp};
use atelier::store::Store;
use atelier::templates::Catalog;
use atelier::tui::action::Action;
use atelier::tui::app::App;
use atelier::tui::screens::run::RunState;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use std::path::PathBuf;

/// A fixed "now", so timers and dates draw the same on every run.
pub fn fixed_clock() -> Timestamp {
    atelier::model::parse_time("2026-03-18T10:15:00.000Z").unwrap()
}

pub fn app(store: Store, lang: Lang) -> App {
    let mut app = App::new(
        store,
        lang,
        Catalog::built_in(),
        fixed_clock,
        PathBuf::from("/home/facilitator/Documents/Atelier"),
    );
    app.core.theme.color = false;
    app
}

pub fn act(app: &mut App, action: Action) {
    atelier::tui::update::update(app, action);
}

pub fn key(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    atelier::tui::handle_key(app, KeyEvent::new(code, mods));
}

pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c), KeyModifiers::NONE);
    }
}

/// The screen as text, `width`×`height`.
pub fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| atelier::tui::ui::draw(f, app)).unwrap();
    let buf = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buf[(x, y)].symbol();
            line.push_str(symbol);
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A fresh session with three participants, opened on the run screen.
pub fn running() -> (tempfile::TempDir, App) {
    let (dir, mut store) = super::temp_store();
    super::new_session(&mut store, &["Ana", "Bo", "Cy"]);
    let mut app = app(store, Lang::En);
    act(&mut app, Action::Open);
    assert!(app.screen_as::<RunState>().is_some());
    (dir, app)
}

pub fn run(app: &App) -> &RunState {
    app.screen_as::<RunState>().expect("on the run screen")
}

pub fn store(app: &App) -> &Store {
    &app.core.store
}

/// The texts of the live contributions of the session on the run screen.
pub fn live_texts(app: &App) -> Vec<String> {
    let id = run(app).session_id();
    store(app)
        .load(id)
        .unwrap()
        .live()
        .map(|c| c.text.clone())
        .collect()
}

/// Types `text` in the input box and records it.
pub fn say(app: &mut App, text: &str) {
    type_text(app, text);
    act(app, Action::Submit);
}

/// The text of the editor dialog, if one is open.
pub fn editor_text(app: &App) -> Option<String> {
    match &app.core.popup {
        Some(atelier::tui::popup::Popup::Editor(e)) => Some(e.text()),
        _ => None,
    }
}
