//! The translation of terminal events into actions or typed text. The loop
//! that feeds them is in `event_loop`.

use super::action::Action;
use super::app::{App, Screen};
use super::keymap::{self, Context};
use super::popup::Popup;
use super::{screens, text, update, widgets};
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind,
};

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
    if let Some(action) = keymap::lookup(context, app.core.lang, &key) {
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

/// Whether a paste lands in a text box now (else it is ignored).
pub fn pastes_into(app: &App) -> bool {
    matches!(
        app.context(),
        Context::Editor | Context::Input | Context::Run | Context::Filter
    )
}

/// Puts pasted text where the facilitator is typing; it never runs a
/// command, even when it holds line breaks.
pub fn paste(app: &mut App, text: &str) {
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
