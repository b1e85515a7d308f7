//! Home's way to import written notes: a path typed in the editor, then
//! the event and the day (as `atelier import-notes --event --date`, with
//! the same defaults: no event, today), what the notes hold asked as a
//! question, then the new session, opened. A file that cannot be read, or
//! a day that cannot be read, keeps its editor with the problem shown;
//! nothing is written before "yes".

use super::HomeAsk;
use crate::i18n::{parse_date, short_date, tf};
use crate::notes::{self, Prepared};
use crate::templates::DEFAULT_TEMPLATE;
use crate::tui::core::{Core, Nav};
use crate::tui::popup::{Popup, Purpose, Question};
use std::path::PathBuf;

/// The editor's purpose: the path of the notes.
pub(super) struct AskPath;

/// The next editor's: the event of the notes read.
pub(super) struct AskEvent(Box<Prepared>);

/// The last editor's: the day the workshop took place.
pub(super) struct AskDate(Box<Prepared>);

pub(super) fn ask_path(core: &mut Core) {
    let title = core.t("notes.ask_path");
    let hint = core.t("notes.ask_path_hint");
    core.open_editor(title, hint, "", Purpose::new(AskPath), false);
    submit_says(core, "import");
}

/// Reads the notes at `text` and asks for their event; false keeps the
/// editor open when they cannot be read.
pub(super) fn path_given(core: &mut Core, text: &str) -> bool {
    let Some(template) = core.catalog.get(DEFAULT_TEMPLATE).cloned() else {
        core.error(core.t("home.no_template"));
        return false;
    };
    let path = expand_home(text.trim());
    let now = (core.clock)();
    match notes::prepare(&path, &template, None, core.lang, "", now) {
        Ok(prepared) => {
            let purpose = Purpose::new(AskEvent(Box::new(prepared)));
            let hint = core.t("notes.ask_event_hint");
            core.open_editor(core.t("notes.ask_event"), hint, "", purpose, false);
            submit_says(core, "next_field");
            true
        }
        Err(e) => {
            core.error(e.message(core.lang));
            false
        }
    }
}

/// Takes the event (empty: none) and asks for the day, today offered.
pub(super) fn event_given(core: &mut Core, asked: &AskEvent, text: &str) -> bool {
    let mut prepared = asked.0.clone();
    prepared.plan.data.session.event = text.trim().to_string();
    let today = short_date(core.lang, prepared.plan.data.session.date);
    let hint = tf(core.lang, "notes.ask_date_hint", &[("today", &today)]);
    let purpose = Purpose::new(AskDate(prepared));
    core.open_editor(core.t("notes.ask_date"), &hint, &today, purpose, false);
    submit_says(core, "import");
    true
}

/// Takes the day (empty: today) and asks whether to create the session;
/// false keeps the editor open when the day cannot be read.
pub(super) fn date_given(core: &mut Core, asked: &AskDate, text: &str) -> bool {
    let mut prepared = asked.0.clone();
    if !text.trim().is_empty() {
        match parse_date(core.lang, text) {
            Some(date) => prepared.plan.data.session.date = date,
            None => {
                core.error(tf(core.lang, "notes.bad_date", &[("date", text.trim())]));
                return false;
            }
        }
    }
    let session = &prepared.plan.data.session;
    let event = match session.event.as_str() {
        "" => core.t("notes.no_event").to_string(),
        event => event.to_string(),
    };
    let args = [
        ("summary", notes::summary(&prepared, core.lang)),
        ("event", event),
        ("date", short_date(core.lang, session.date)),
    ];
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    core.popup = Some(Popup::Confirm {
        message: tf(core.lang, "notes.confirm", &args),
        question: Question::Screen(Purpose::new(HomeAsk::ImportNotes(prepared))),
        lost: None,
    });
    true
}

/// The hint bar's word for Enter in the editor just opened.
fn submit_says(core: &mut Core, key: &'static str) {
    if let Some(Popup::Editor(editor)) = &mut core.popup {
        editor.submit = Some(key);
    }
}

/// "Yes": writes the session (one transaction) and opens it.
pub(super) fn create(core: &mut Core, prepared: &Prepared) -> Option<Nav> {
    match notes::write(&mut core.store, prepared) {
        Ok(id) => {
            let to_sort = prepared.plan.to_sort().to_string();
            core.success(tf(core.lang, "notes.imported", &[("to_sort", &to_sort)]));
            Some(crate::tui::screens::run::open(id))
        }
        Err(e) => {
            core.fail(&e);
            None
        }
    }
}

/// "~/notes.txt" as the shell would read it.
fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(path),
    }
}
