//! The translation of terminal events into actions or typed text. The loop
//! that feeds them is in `event_loop`.

use super::action::Action;
use super::app::App;
use super::keymap;
use super::popup::Popup;
use super::{update, widgets};
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
            match &app.core.popup {
                Some(Popup::Editor(_) | Popup::Confirm { .. }) => {}
                Some(Popup::Picker(_)) => {
                    for _ in 0..3 {
                        update::update(app, action.clone());
                    }
                }
                None => {
                    let delta = if action == Action::Up { -3 } else { 3 };
                    if app.core.help.is_some() || !app.screen.scroll(delta) {
                        for _ in 0..3 {
                            update::update(app, action.clone());
                        }
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
    if !app.takes_text() {
        return;
    }
    match &mut app.core.popup {
        Some(Popup::Picker(p)) => {
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
            match (plain_char, key.code) {
                (Some(c), _) => update::picker_char(app, c),
                (None, KeyCode::Backspace) => p.backspace(),
                _ => {}
            }
        }
        Some(Popup::Editor(e)) => {
            e.textarea.input(key);
        }
        Some(Popup::Confirm { .. }) => {}
        None => app.screen.key(&mut app.core, key),
    }
}

/// Whether a paste lands in a text box now (else it is ignored).
pub fn pastes_into(app: &App) -> bool {
    if app.core.help.is_some() {
        return false;
    }
    match &app.core.popup {
        Some(popup) => matches!(popup, Popup::Editor(_)),
        None => app.screen.accepts_paste(),
    }
}

/// Puts pasted text where the facilitator is typing; it never runs a
/// command, even when it holds line breaks.
pub fn paste(app: &mut App, text: &str) {
    if !pastes_into(app) {
        return;
    }
    match &mut app.core.popup {
        Some(Popup::Editor(e)) => {
            let multi = e.multi_line;
            widgets::editor::paste(&mut e.textarea, text, multi);
        }
        Some(_) => {}
        None => app.screen.paste(&mut app.core, text),
    }
}
