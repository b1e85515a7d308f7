//! `update`: applies one action to the application. Screen-specific
//! actions go to the screen's own `update`; this file handles what is
//! shared — help, quitting, dialogs and moving between screens.

use super::action::Action;
use super::app::{App, Nav, Screen};
use super::popup::{EditFor, Pending, PickFor, Popup};
use super::screens::{home, review, run, setup, synthesis};
use std::cell::Cell;

pub fn update(app: &mut App, action: Action) {
    if app.core.help.is_some() {
        help(app, action);
        return;
    }
    if action == Action::Help {
        app.core.help = Some(Cell::new(0));
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
    let core = &mut app.core;
    let nav = match &mut app.screen {
        Screen::Home(s) => home::update(s, core, action),
        Screen::Setup(s) => setup::update(s, core, action),
        Screen::Run(s) => run::update(s, core, action),
        Screen::Synthesis(s) => synthesis::update(s, core, action),
        Screen::Review(s) => review::update(s, core, action),
    };
    if let Some(nav) = nav {
        navigate(app, nav);
    }
}

fn help(app: &mut App, action: Action) {
    let Some(offset) = &app.core.help else { return };
    match action {
        Action::Up => offset.set(offset.get().saturating_sub(1)),
        Action::Down => offset.set(offset.get() + 1),
        Action::Quit => quit(app),
        _ => app.core.help = None,
    }
}

/// Quits, unless typed text would be lost: then asks first.
fn quit(app: &mut App) {
    if app.has_unsent_text() && !matches!(app.core.popup, Some(Popup::Confirm { .. })) {
        app.core.help = None;
        // The dialog being typed in waits under the question, whole, in
        // case the answer is no.
        app.core.under = app.core.popup.take();
        app.core.popup = Some(Popup::Confirm {
            message: app.t("app.confirm_quit").into(),
            pending: Pending::Quit,
        });
    } else {
        app.core.quit = true;
    }
}

/// Opens another screen; a screen that cannot load keeps the current one.
pub fn navigate(app: &mut App, nav: Nav) {
    let core = &mut app.core;
    let from = match &app.screen {
        Screen::Run(r) => Some(Nav::Run(r.session_id())),
        Screen::Home(_) => Some(Nav::Home),
        _ => None,
    };
    let next = match nav {
        Nav::Home => {
            let mut h = home::HomeState::load(core);
            if let Some(id) = session_of(&app.screen) {
                h.select(id);
            }
            Some(Screen::Home(h))
        }
        Nav::Setup(id) => setup::SetupState::open(core, id).map(Screen::Setup),
        Nav::Run(id) => run::RunState::open(core, id).map(|r| Screen::Run(Box::new(r))),
        Nav::Synthesis(id) => synthesis::SynthesisState::open(core, id).map(Screen::Synthesis),
        Nav::Review(id) => {
            let back = from.unwrap_or(Nav::Run(id));
            review::ReviewState::open(core, id, back).map(Screen::Review)
        }
    };
    if let Some(screen) = next {
        app.screen = screen;
    }
}

fn session_of(screen: &Screen) -> Option<crate::model::Id> {
    match screen {
        Screen::Home(_) => None,
        Screen::Setup(s) => Some(s.data.session.id),
        Screen::Run(s) => Some(s.session_id()),
        Screen::Synthesis(s) => Some(s.data.session.id),
        Screen::Review(s) => Some(s.data.session.id),
    }
}

fn popup(app: &mut App, action: Action) {
    let Some(current) = app.core.popup.take() else {
        return;
    };
    match current {
        Popup::Confirm { message, pending } => match action {
            Action::Yes => {
                app.core.under = None;
                confirmed(app, pending);
            }
            Action::No | Action::Back => app.core.popup = app.core.under.take(),
            _ => app.core.popup = Some(Popup::Confirm { message, pending }),
        },
        Popup::Picker(mut p) => match action {
            Action::Up => {
                p.move_by(-1);
                app.core.popup = Some(Popup::Picker(p));
            }
            Action::Down => {
                p.move_by(1);
                app.core.popup = Some(Popup::Picker(p));
            }
            Action::Confirm => {
                if let Some(i) = p.chosen() {
                    picked(app, p.purpose.clone(), p.items[i].0);
                }
            }
            Action::Back => {}
            _ => app.core.popup = Some(Popup::Picker(p)),
        },
        Popup::Editor(mut e) => match action {
            Action::Submit => {
                let text = e.text();
                // A refused or failed save keeps the dialog and its text.
                if !edited(app, e.purpose.clone(), text) && app.core.popup.is_none() {
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
            Action::Back => app.core.info(app.core.t("app.cancelled")),
            _ => app.core.popup = Some(Popup::Editor(e)),
        },
    }
}

/// A character typed into a picker: a number chooses, a letter filters.
pub fn picker_char(app: &mut App, c: char) {
    let Some(Popup::Picker(p)) = &mut app.core.popup else {
        return;
    };
    if let Some(i) = p.type_char(c) {
        let purpose = p.purpose.clone();
        let value = p.items[i].0;
        app.core.popup = None;
        picked(app, purpose, value);
    }
}

fn confirmed(app: &mut App, pending: Pending) {
    match pending {
        Pending::Quit => app.core.quit = true,
        Pending::DeleteSession(id) => {
            if let Err(e) = app.core.store.delete_session(id) {
                app.core.error(e);
                return;
            }
            app.core.success(app.t("home.deleted"));
            navigate(app, Nav::Home);
        }
        Pending::EndSession => {
            let Screen::Run(r) = &mut app.screen else {
                return;
            };
            let id = r.session_id();
            let stage = r.stage().map(|s| s.id);
            let result = stage
                .map(|st| app.core.store.end_stage(st))
                .unwrap_or(Ok(()))
                .and_then(|_| {
                    app.core
                        .store
                        .set_status(id, crate::model::SessionStatus::Closed)
                });
            match result {
                Ok(()) => {
                    run::save_draft(r, &mut app.core);
                    app.core.success(app.t("review.closed"));
                    navigate(app, Nav::Review(id));
                }
                Err(e) => app.core.error(e),
            }
        }
    }
}

fn picked(app: &mut App, purpose: PickFor, value: Option<crate::model::Id>) {
    if let Screen::Run(r) = &mut app.screen {
        super::screens::run_edit::picked(r, &mut app.core, purpose, value);
    }
}

/// Hands an editor's text to the screen; false when it was not saved.
fn edited(app: &mut App, purpose: EditFor, text: String) -> bool {
    let core = &mut app.core;
    match &mut app.screen {
        Screen::Setup(s) => setup::edited(s, core, purpose, text),
        Screen::Run(s) => super::screens::run_edit::edited(s, core, purpose, text),
        Screen::Synthesis(s) => synthesis::edited(s, core, purpose, text),
        _ => true,
    }
}
