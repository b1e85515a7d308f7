//! Recording a remark or a sign-off: who (someone on the roster, or a
//! name typed in for anyone else), then, for a remark, what it is about
//! (`about.rs`) and its text.

use super::about::{About, Pending};
use super::VersionsState;
use crate::commands::ReviewCommand;
use crate::i18n::tf;
use crate::model::Id;
use crate::report::version_name;
use crate::store::NewFeedback;
use crate::tui::core::Core;
use crate::tui::popup::{Picker, Popup, Purpose};

/// What a picker of this screen is for: who made a remark on a version,
/// or who approves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VersionsPick {
    From(Id),
    Signer(Id),
}

/// What an editor of this screen is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VersionsEdit {
    /// The name of someone not on the roster (then a remark, or a sign-off).
    Name { version: Id, signing: bool },
    /// A remark's text, from a roster member or a name typed in.
    Remark {
        version: Id,
        participant: Option<Id>,
        name: String,
        about: About,
    },
}

/// The picker's entry for "someone else": no participant has the nil id.
const SOMEONE_ELSE: Id = Id::nil();
/// The picker's entry for the session's lead (no roster id either).
const THE_LEAD: Id = Id::from_u128(1);

/// The lead's name, when set and not on the roster already.
fn lead(s: &VersionsState) -> Option<String> {
    let lead = s.data.session.lead.trim();
    let on_roster = s
        .data
        .roster()
        .any(|p| p.name.trim().eq_ignore_ascii_case(lead));
    (!lead.is_empty() && !on_roster).then(|| lead.to_string())
}

fn pick(s: &VersionsState, core: &mut Core, title: String, purpose: VersionsPick) {
    let mut items: Vec<(Option<Id>, String)> = s
        .data
        .roster()
        .map(|p| (Some(p.id), p.name.clone()))
        .collect();
    items.extend(lead(s).map(|name| (Some(THE_LEAD), name)));
    items.push((Some(SOMEONE_ELSE), core.t("cycle.from_someone").to_string()));
    core.popup = Some(Popup::Picker(Picker {
        title,
        items,
        filter: String::new(),
        selected: 0,
        numbered: false,
        purpose: Purpose::new(purpose),
    }));
}

/// "draft 2" for the version `id`.
fn name_of(s: &VersionsState, core: &Core, id: Id) -> String {
    (s.data.review.version_by_id(id))
        .map(|v| version_name(core.lang, v.number, v.validated))
        .unwrap_or_default()
}

pub fn ask_from(s: &VersionsState, core: &mut Core) {
    if let Some(v) = s.selected_version() {
        let title = core.t("cycle.from_title").to_string();
        pick(s, core, title, VersionsPick::From(v.id));
    }
}

pub fn ask_signer(s: &VersionsState, core: &mut Core) {
    if let Some(v) = s.selected_version() {
        let version = version_name(core.lang, v.number, v.validated);
        let title = tf(core.lang, "cycle.signer_title", &[("version", &version)]);
        pick(s, core, title, VersionsPick::Signer(v.id));
    }
}

pub fn picked(s: &mut VersionsState, core: &mut Core, pick: VersionsPick, value: Option<Id>) {
    let Some(who) = value else {
        return;
    };
    let (version, signing) = match pick {
        VersionsPick::From(v) => (v, false),
        VersionsPick::Signer(v) => (v, true),
    };
    if who == SOMEONE_ELSE {
        core.open_editor(
            core.t("cycle.name_title"),
            core.t("cycle.name_hint"),
            "",
            Purpose::new(VersionsEdit::Name { version, signing }),
            false,
        );
    } else if who == THE_LEAD {
        let name = lead(s).unwrap_or_default();
        if signing {
            sign(s, core, version, None, &name);
        } else {
            let pending = Pending {
                version,
                participant: None,
                name,
            };
            super::about::ask(s, core, pending);
        }
    } else if signing {
        sign(s, core, version, Some(who), "");
    } else {
        let pending = Pending {
            version,
            participant: Some(who),
            name: String::new(),
        };
        super::about::ask(s, core, pending);
    }
}

/// The remark's text, once its author and what it is about are known.
pub(super) fn ask_remark(s: &VersionsState, core: &mut Core, pending: Pending, about: About) {
    let title = tf(
        core.lang,
        "cycle.feedback_title",
        &[("version", &name_of(s, core, pending.version))],
    );
    core.open_editor(
        title,
        core.t("cycle.feedback_hint"),
        "",
        Purpose::new(VersionsEdit::Remark {
            version: pending.version,
            participant: pending.participant,
            name: pending.name,
            about,
        }),
        true,
    );
}

fn sign(s: &mut VersionsState, core: &mut Core, version: Id, who: Option<Id>, name: &str) -> bool {
    let command = ReviewCommand::SignOff {
        version,
        participant: who,
        name: name.to_string(),
    };
    s.run(core, command, "cycle.signed").is_some()
}

/// An editor's text; false keeps the editor open (refused: empty).
pub fn edited(s: &mut VersionsState, core: &mut Core, purpose: VersionsEdit, text: String) -> bool {
    match purpose {
        VersionsEdit::Name { version, signing } => {
            let name = text.trim().to_string();
            if name.is_empty() {
                return false;
            }
            if signing {
                return sign(s, core, version, None, &name);
            }
            let pending = Pending {
                version,
                participant: None,
                name,
            };
            super::about::ask(s, core, pending);
            true
        }
        VersionsEdit::Remark {
            version,
            participant,
            name,
            about,
        } => {
            if text.trim().is_empty() {
                return false;
            }
            let (contribution_id, section) = about.parts();
            let command = ReviewCommand::AddFeedback(NewFeedback {
                version,
                participant_id: participant,
                name,
                contribution_id,
                section,
                text,
            });
            s.run(core, command, "cycle.feedback_added").is_some()
        }
    }
}
