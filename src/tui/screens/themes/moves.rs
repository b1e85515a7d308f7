//! Themes: what each key does to the session — one command each, through
//! the screen's history so that `u` and Ctrl+R take it back and redo it —
//! and the editors and pickers that ask for a name or a target first.

use super::{Pane, ThemesState};
use crate::commands::{Command, CommandError, Outcome};
use crate::i18n::tf;
use crate::model::Id;
use crate::tui::core::Core;
use crate::tui::popup::{Picker, Popup, Purpose};

/// What the themes screen's editors are for.
#[derive(Debug, Clone, PartialEq)]
pub enum ThemesEdit {
    New,
    Rename(Id),
    /// Moving `items` of theme `from` into a new theme.
    Split {
        from: Id,
        items: Vec<Id>,
    },
}

/// What the themes screen's pickers are for.
#[derive(Debug, Clone, PartialEq)]
pub enum ThemesPick {
    /// Where `items` go: a theme, or none (unsorted).
    Into(Vec<Id>),
    /// The theme that takes the items of `from`.
    MergeInto(Id),
}

/// The marked items of the selected theme, else the selected item when it
/// is in that theme: what `s` splits off.
pub fn split_items(s: &ThemesState) -> Vec<Id> {
    let Some(theme) = s.theme() else {
        return Vec::new();
    };
    s.targets()
        .into_iter()
        .filter(|id| theme.items.contains(id))
        .collect()
}

pub fn start_new(core: &mut Core) {
    core.open_editor(
        core.t("themes.new_title"),
        core.t("themes.new_hint"),
        "",
        Purpose::new(ThemesEdit::New),
        false,
    );
}

pub fn start_rename(s: &ThemesState, core: &mut Core) {
    if let Some(t) = s.theme() {
        let purpose = Purpose::new(ThemesEdit::Rename(t.id));
        let (title, hint) = (core.t("themes.rename_title"), core.t("themes.new_hint"));
        core.open_editor(title, hint, &t.name, purpose, false);
    }
}

pub fn start_split(s: &ThemesState, core: &mut Core) {
    let items = split_items(s);
    let Some(theme) = s.theme().filter(|_| !items.is_empty()) else {
        core.info(core.t("themes.nothing_marked"));
        return;
    };
    let hint = tf(core.lang, "themes.split_hint", &[("theme", &theme.name)]);
    let purpose = Purpose::new(ThemesEdit::Split {
        from: theme.id,
        items,
    });
    core.open_editor(core.t("themes.split_title"), &hint, "", purpose, false);
}

/// A name was typed: creates, renames or splits. An empty name keeps the
/// editor open (the store refuses it, and says so).
pub fn edited(s: &mut ThemesState, core: &mut Core, purpose: ThemesEdit, text: String) -> bool {
    let name = crate::tui::text::clean(&text, false);
    let (command, key) = match purpose {
        ThemesEdit::New => (Command::AddTheme { name }, "themes.added"),
        ThemesEdit::Rename(id) => (Command::RenameTheme { id, name }, "themes.renamed"),
        ThemesEdit::Split { from, items } => {
            (Command::SplitTheme { from, items, name }, "themes.split")
        }
    };
    let new_one = !matches!(command, Command::RenameTheme { .. });
    let said = core.t(key).to_string();
    let done = apply(s, core, &command, said);
    if done && new_one {
        // The new theme is last: show it.
        s.bucket = s.themes().len();
        s.item = 0;
        s.marked.clear();
        s.settle();
    }
    done
}

/// `p`: asks where the marked items (or the selected one) go.
pub fn put(s: &ThemesState, core: &mut Core) {
    let items = s.targets();
    if items.is_empty() {
        core.info(core.t("themes.nothing_marked"));
        return;
    }
    let mut choices: Vec<(Option<Id>, String)> = s
        .themes()
        .iter()
        .map(|t| (Some(t.id), t.name.clone()))
        .collect();
    choices.push((None, core.t("themes.unsorted").to_string()));
    let n = items.len();
    core.popup = Some(Popup::Picker(Picker {
        title: crate::i18n::tn(core.lang, "themes.put_title", n, &[]),
        items: choices,
        filter: String::new(),
        selected: 0,
        numbered: true,
        purpose: Purpose::new(ThemesPick::Into(items)),
    }));
}

/// `m`: asks which theme takes the selected one's items.
pub fn start_merge(s: &ThemesState, core: &mut Core) {
    let Some(from) = s.theme() else { return };
    let choices: Vec<(Option<Id>, String)> = s
        .themes()
        .iter()
        .filter(|t| t.id != from.id)
        .map(|t| (Some(t.id), t.name.clone()))
        .collect();
    if choices.is_empty() {
        core.info(core.t("themes.no_other"));
        return;
    }
    core.popup = Some(Popup::Picker(Picker {
        title: tf(core.lang, "themes.merge_title", &[("theme", &from.name)]),
        items: choices,
        filter: String::new(),
        selected: 0,
        numbered: true,
        purpose: Purpose::new(ThemesPick::MergeInto(from.id)),
    }));
}

pub fn picked(s: &mut ThemesState, core: &mut Core, purpose: ThemesPick, value: Option<Id>) {
    match purpose {
        ThemesPick::Into(items) => {
            let n = items.len();
            let command = Command::PutInTheme {
                items,
                theme: value,
            };
            let said = crate::i18n::tn(core.lang, "themes.moved", n, &[]);
            if apply(s, core, &command, said) {
                s.marked.clear();
            }
        }
        ThemesPick::MergeInto(from) => {
            let Some(into) = value else { return };
            let said = core.t("themes.merged").to_string();
            if apply(s, core, &Command::MergeThemes { from, into }, said) {
                let at = s.themes().iter().position(|t| t.id == into);
                s.bucket = at.map_or(0, |i| i + 1);
                s.settle();
            }
        }
    }
}

/// `o`: takes the marked items (or the selected one) out of their theme.
pub fn take_out(s: &mut ThemesState, core: &mut Core) {
    let items = s.targets();
    let n = items.len();
    let command = Command::PutInTheme { items, theme: None };
    let said = crate::i18n::tn(core.lang, "themes.taken_out", n, &[]);
    if apply(s, core, &command, said) {
        s.marked.clear();
    }
}

/// `d`: removes the selected theme; its items become unsorted.
pub fn remove(s: &mut ThemesState, core: &mut Core) {
    if let Some(id) = s.theme().map(|t| t.id) {
        let said = core.t("themes.removed").to_string();
        apply(s, core, &Command::RemoveTheme { id }, said);
        s.pane = Pane::Themes;
    }
}

/// Undoes (`back`) or redoes the last change.
pub fn step_history(s: &mut ThemesState, core: &mut Core, back: bool) {
    let id = s.data.session.id;
    let done = if back {
        s.history.undo(&mut core.store, id)
    } else {
        s.history.redo(&mut core.store, id)
    };
    match done {
        None => core.info(core.t(crate::tui::screens::run::nothing_to(back))),
        Some(done) => {
            let said = s.history.said(core.lang, back);
            after(s, core, done, said);
        }
    }
}

/// Applies `command` as a change that can be undone; `said` tells how it
/// went. False when it was refused.
fn apply(s: &mut ThemesState, core: &mut Core, command: &Command, said: String) -> bool {
    let done = s.history.apply(&mut core.store, s.data.session.id, command);
    after(s, core, done, said)
}

/// Takes in what a command changed (no reload) and says how it went.
fn after(
    s: &mut ThemesState,
    core: &mut Core,
    done: Result<Outcome, CommandError>,
    said: String,
) -> bool {
    match done {
        Ok(outcome) => {
            outcome.changes.apply_to(&mut s.data, None);
            s.settle();
            core.success(said);
            true
        }
        Err(e) => {
            core.fail(&e);
            false
        }
    }
}
