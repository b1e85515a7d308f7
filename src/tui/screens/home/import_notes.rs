//! Home's way to import written notes: a path typed in the editor, what
//! the notes hold asked as a question, then the new session, opened. A
//! file that cannot be read keeps the editor and its path, with the
//! problem shown; nothing is written before "yes".

use super::HomeAsk;
use crate::i18n::tf;
use crate::notes::{self, Prepared};
use crate::templates::DEFAULT_TEMPLATE;
use crate::tui::core::{Core, Nav};
use crate::tui::popup::{Popup, Purpose, Question};
use std::path::PathBuf;

/// The editor's purpose: the path of the notes.
pub(super) struct AskPath;

pub(super) fn ask_path(core: &mut Core) {
    let title = core.t("notes.ask_path");
    let hint = core.t("notes.ask_path_hint");
    core.open_editor(title, hint, "", Purpose::new(AskPath), false);
    if let Some(Popup::Editor(editor)) = &mut core.popup {
        editor.submit = Some("import");
    }
}

/// Reads the notes at `text` and asks whether to create their session;
/// false keeps the editor open when they cannot be read.
pub(super) fn path_given(core: &mut Core, text: &str) -> bool {
    let Some(template) = core.catalog.get(DEFAULT_TEMPLATE).cloned() else {
        core.error(core.t("home.no_template"));
        return false;
    };
    let path = expand_home(text.trim());
    let now = (core.clock)();
    match notes::prepare(&path, &template, None, core.lang, "", now) {
        Ok(prepared) => {
            let summary = notes::summary(&prepared, core.lang);
            core.popup = Some(Popup::Confirm {
                message: tf(core.lang, "notes.confirm", &[("summary", &summary)]),
                question: Question::Screen(Purpose::new(HomeAsk::ImportNotes(Box::new(prepared)))),
                lost: None,
            });
            true
        }
        Err(e) => {
            core.error(e.message(core.lang));
            false
        }
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
