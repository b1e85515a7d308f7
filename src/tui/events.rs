//! The event loop and the translation of terminal events into actions or
//! typed text. The loop blocks on input; it wakes once a second only while
//! a stage timer is on screen, and draws only after something happened.

use super::action::Action;
use super::app::{App, Screen};
use super::keymap::{self, Context};
use super::popup::Popup;
use super::{screens, terminal, text, ui, update, widgets};
use ratatui::crossterm::event::{
    self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind,
};
use std::time::Duration;

pub fn event_loop(terminal: &mut terminal::Term, app: &mut App) -> anyhow::Result<()> {
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
                        let delta = if action == Action::Up { -3 } else { 3 };
                        r.select_row(screens::step(r.selected, delta, r.rows.len()));
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
