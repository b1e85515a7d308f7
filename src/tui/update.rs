//! `update`: applies one action to the application. Screen-specific
//! actions go to the current screen; this file handles what is shared —
//! help, quitting, dialogs and their answers, moving between screens.

use super::action::Action;
use super::app::App;
use super::popup::{Popup, Question};

pub fn update(app: &mut App, action: Action) {
    if app.core.help.is_some() {
        help(app, action);
        return;
    }
    if action == Action::Help {
        app.core.help = Some(Default::default());
        return;
    }
    if action == Action::Quit {
        quit(app);
        return;
    }
    if app.core.popup.is_some() {
        popup(app, action);
        return;
    }
    app.core.status = None;
    if let Some(nav) = app.screen.update(&mut app.core, action) {
        app.navigate(nav);
    }
}

fn help(app: &mut App, action: Action) {
    let Some(scroll) = &app.core.help else { return };
    let (offset, page) = (&scroll.offset, scroll.page.get().max(1));
    match action {
        Action::Up => offset.set(offset.get().saturating_sub(1)),
        Action::Down => offset.set(offset.get() + 1),
        // The overlay's draw clamps the offset to its last page.
        Action::PageUp => offset.set(offset.get().saturating_sub(page)),
        Action::PageDown => offset.set(offset.get().saturating_add(page)),
        Action::Top => offset.set(0),
        Action::Bottom => offset.set(usize::MAX),
        Action::Quit => quit(app),
        _ => app.core.help = None,
    }
}

/// Quits, unless typed text would be lost: then asks first.
fn quit(app: &mut App) {
    if matches!(app.core.popup, Some(Popup::Confirm { .. })) {
        app.core.quit = true;
        return;
    }
    let message = if app.has_unsent_text() {
        Some(app.t("app.confirm_quit").to_string())
    } else if app.core.popup.is_none() {
        app.screen.quit_note(&app.core)
    } else {
        None
    };
    let Some(message) = message else {
        app.core.quit = true;
        return;
    };
    app.core.help = None;
    // The dialog being typed in waits under the question, whole, in case
    // the answer is no.
    app.core.under = app.core.popup.take();
    // The run screen keeps its unsent text as a draft; an open editor's
    // text would be gone.
    let lost = match &app.core.under {
        Some(Popup::Editor(e)) if e.text() != e.original => Some(e.text()),
        _ => None,
    };
    app.core.popup = Some(Popup::Confirm {
        message,
        question: Question::Quit,
        lost,
    });
}

fn popup(app: &mut App, action: Action) {
    let Some(current) = app.core.popup.take() else {
        return;
    };
    match current {
        Popup::Confirm {
            message,
            question,
            lost,
        } => match action {
            Action::Yes => {
                let under = app.core.under.take();
                match question {
                    Question::Quit => app.core.quit = true,
                    Question::Discard => {
                        if let Some(Popup::Editor(e)) = under {
                            close_editor(app, *e);
                        }
                    }
                    Question::Screen(purpose) => {
                        if let Some(nav) = app.screen.confirmed(&mut app.core, &purpose) {
                            app.navigate(nav);
                        }
                    }
                }
            }
            Action::No | Action::Back => app.core.popup = app.core.under.take(),
            _ => {
                app.core.popup = Some(Popup::Confirm {
                    message,
                    question,
                    lost,
                })
            }
        },
        Popup::Picker(mut p) => match action {
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                let page = [(Action::Up, -1), (Action::Down, 1), (Action::PageUp, -10)];
                let delta = page.iter().find(|(a, _)| *a == action).map_or(10, |d| d.1);
                p.move_by(delta);
                app.core.popup = Some(Popup::Picker(p));
            }
            Action::Top | Action::Bottom => {
                p.move_by(if action == Action::Top {
                    isize::MIN / 2
                } else {
                    isize::MAX / 2
                });
                app.core.popup = Some(Popup::Picker(p));
            }
            Action::Confirm => {
                if let Some(i) = p.chosen() {
                    let value = p.items[i].0;
                    picked(app, p.purpose, value);
                }
            }
            Action::Back => {}
            _ => app.core.popup = Some(Popup::Picker(p)),
        },
        Popup::Editor(mut e) => match action {
            Action::Submit => {
                let text = e.text();
                // A refused or failed save keeps the dialog and its text.
                let saved = app.screen.edited(&mut app.core, &e.purpose, text);
                if !saved && app.core.popup.is_none() {
                    app.core.popup = Some(Popup::Editor(e));
                }
            }
            Action::Newline if e.multi_line => {
                e.textarea.insert_newline();
                app.core.popup = Some(Popup::Editor(e));
            }
            Action::UndoText => {
                e.textarea.undo();
                app.core.popup = Some(Popup::Editor(e));
            }
            Action::RedoText => {
                e.textarea.redo();
                app.core.popup = Some(Popup::Editor(e));
            }
            Action::Back if e.text() != e.original && !app.screen.keeps_cancelled(&e.purpose) => {
                // Typed text is never thrown away on one key: Esc asks,
                // and Enter answers "keep it".
                let lost = Some(e.text());
                app.core.under = Some(Popup::Editor(e));
                app.core.popup = Some(Popup::Confirm {
                    message: app.core.t("app.confirm_discard").to_string(),
                    question: Question::Discard,
                    lost,
                });
            }
            Action::Back => close_editor(app, *e),
            _ => app.core.popup = Some(Popup::Editor(e)),
        },
    }
}

/// Closes an editor without saving: the screen may keep the text as a
/// draft (`Screen::cancelled`).
fn close_editor(app: &mut App, e: crate::tui::popup::Editor) {
    app.screen.cancelled(&mut app.core, &e.purpose, e.text());
    app.core.info(app.core.t("app.cancelled"));
}

/// A character typed into a picker: a number chooses, a letter filters.
pub fn picker_char(app: &mut App, c: char) {
    let Some(Popup::Picker(p)) = &mut app.core.popup else {
        return;
    };
    if let Some(i) = p.type_char(c) {
        let value = p.items[i].0;
        let Some(Popup::Picker(p)) = app.core.popup.take() else {
            return;
        };
        picked(app, p.purpose, value);
    }
}

fn picked(app: &mut App, purpose: super::popup::Purpose, value: Option<crate::model::Id>) {
    if let Some(nav) = app.screen.picked(&mut app.core, &purpose, value) {
        app.navigate(nav);
    }
}
