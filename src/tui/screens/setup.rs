//! Set-up: the session's title, event, date, question, context, lead,
//! language, template and anonymity, and its roster. Every change is saved
//! as soon as it is confirmed.

use super::{load, moved};
use crate::i18n::tf;
use crate::model::{Anonymity, Id, Lang, SessionData};
use crate::tui::action::Action;
use crate::tui::app::{Core, Nav};
use crate::tui::popup::EditFor;
use std::cell::Cell;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Event,
    Date,
    Question,
    Context,
    Lead,
    Language,
    Template,
    Anonymity,
}

impl Field {
    pub const ALL: [Field; 9] = [
        Field::Title,
        Field::Event,
        Field::Date,
        Field::Question,
        Field::Context,
        Field::Lead,
        Field::Language,
        Field::Template,
        Field::Anonymity,
    ];

    pub fn label_key(self) -> &'static str {
        match self {
            Field::Title => "setup.title",
            Field::Event => "setup.event",
            Field::Date => "setup.date",
            Field::Question => "setup.question",
            Field::Context => "setup.context",
            Field::Lead => "setup.lead",
            Field::Language => "setup.language",
            Field::Template => "setup.template",
            Field::Anonymity => "setup.anonymity",
        }
    }

    pub fn is_choice(self) -> bool {
        matches!(self, Field::Language | Field::Template | Field::Anonymity)
    }
}

/// A line of the set-up screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupRow {
    Field(Field),
    Participant(Id),
    Add,
}

pub struct SetupState {
    pub data: SessionData,
    /// The participant last removed, for `u` to bring back.
    pub removed: Option<Id>,
    pub selected: usize,
    pub offset: Cell<usize>,
}

impl SetupState {
    pub fn open(core: &mut Core, id: Id) -> Option<SetupState> {
        Some(SetupState {
            data: load(core, id)?,
            removed: None,
            selected: 0,
            offset: Cell::new(0),
        })
    }

    pub fn rows(&self) -> Vec<SetupRow> {
        let mut rows: Vec<SetupRow> = Field::ALL.iter().map(|f| SetupRow::Field(*f)).collect();
        rows.extend(self.data.roster().map(|p| SetupRow::Participant(p.id)));
        rows.push(SetupRow::Add);
        rows
    }

    pub fn current(&self) -> SetupRow {
        let rows = self.rows();
        rows[self.selected.min(rows.len() - 1)]
    }

    /// Shows changes made elsewhere, keeping the selected row.
    pub fn refresh(&mut self, core: &mut Core) {
        let current = self.current();
        self.reload(core, Some(current));
    }

    fn reload(&mut self, core: &mut Core, select: Option<SetupRow>) {
        if let Some(data) = load(core, self.data.session.id) {
            self.data = data;
        }
        let rows = self.rows();
        if let Some(i) = select.and_then(|r| rows.iter().position(|x| *x == r)) {
            self.selected = i;
        }
        self.selected = self.selected.min(rows.len() - 1);
    }

    /// The value of a field as shown.
    pub fn value(&self, core: &Core, field: Field) -> String {
        let s = &self.data.session;
        match field {
            Field::Title => s.title.clone(),
            Field::Event => s.event.clone(),
            Field::Date => crate::i18n::short_date(s.language, s.date),
            Field::Question => s.question.clone(),
            Field::Context => s.context.clone(),
            Field::Lead => s.lead.clone(),
            Field::Language => match s.language {
                Lang::Fr => "Français".into(),
                Lang::En => "English".into(),
            },
            Field::Template => core
                .catalog
                .get(&s.template)
                .map(|t| t.name.get(core.lang).to_string())
                .unwrap_or_else(|| s.template.clone()),
            Field::Anonymity => core
                .t(&format!("setup.anonymity_{}", s.anonymity.key()))
                .into(),
        }
    }
}

pub fn update(s: &mut SetupState, core: &mut Core, action: Action) -> Option<Nav> {
    let len = s.rows().len();
    if let Some(to) = moved(&action, s.selected, len) {
        s.selected = to;
        return None;
    }
    match action {
        Action::Back => return Some(Nav::Home),
        Action::Run => return Some(Nav::Run(s.data.session.id)),
        Action::Left | Action::Right => {
            if let SetupRow::Field(f) = s.current() {
                cycle(s, core, f, action == Action::Right);
            }
        }
        Action::Edit => match s.current() {
            SetupRow::Field(f) if f.is_choice() => cycle(s, core, f, true),
            SetupRow::Field(f) => {
                let multi = matches!(f, Field::Question | Field::Context);
                let hint = match f {
                    Field::Date => core.t("setup.date_hint"),
                    _ if multi => core.t("setup.edit_hint"),
                    _ => core.t("setup.edit_hint_line"),
                };
                // A new session's placeholder title is replaced, not edited.
                let mut value = s.value(core, f);
                if f == Field::Title && value == core.t("home.new_title") {
                    value.clear();
                }
                core.open_editor(
                    core.t(f.label_key()),
                    hint,
                    &value,
                    EditFor::Field(f),
                    multi,
                );
            }
            SetupRow::Participant(id) => {
                let name = s
                    .data
                    .participant(id)
                    .map(|p| p.name.clone())
                    .unwrap_or_default();
                core.open_editor(
                    core.t("setup.rename"),
                    core.t("setup.edit_hint_line"),
                    &name,
                    EditFor::RenameParticipant(id),
                    false,
                );
            }
            SetupRow::Add => add_participant(core),
        },
        Action::AddParticipant => add_participant(core),
        Action::Role => {
            if let SetupRow::Participant(id) = s.current() {
                let role = s
                    .data
                    .participant(id)
                    .map(|p| p.role.clone())
                    .unwrap_or_default();
                let title = core.t("setup.role_title");
                let hint = core.t("setup.edit_hint_line");
                core.open_editor(title, hint, &role, EditFor::ParticipantRole(id), false);
            }
        }
        Action::PasteRoster => {
            core.open_editor(
                core.t("setup.paste_title"),
                core.t("setup.paste_hint"),
                "",
                EditFor::PasteRoster,
                true,
            );
        }
        Action::Delete => {
            if let SetupRow::Participant(id) = s.current() {
                match core.store.remove_participant(id) {
                    Ok(()) => {
                        s.removed = Some(id);
                        s.reload(core, None);
                        core.success(core.t("setup.removed"));
                    }
                    Err(e) => core.error(e),
                }
            }
        }
        Action::Undo => match s.removed.take() {
            Some(id) => match core.store.restore_participant(id) {
                Ok(()) => {
                    s.reload(core, Some(SetupRow::Participant(id)));
                    core.success(core.t("run.restored"));
                }
                Err(e) => core.error(e),
            },
            None => core.info(core.t("run.nothing_to_undo")),
        },
        Action::MoveUp | Action::MoveDown => {
            if let SetupRow::Participant(id) = s.current() {
                match core.store.move_participant(id, action == Action::MoveUp) {
                    Ok(()) => s.reload(core, Some(SetupRow::Participant(id))),
                    Err(e) => core.error(e),
                }
            }
        }
        _ => {}
    }
    None
}

fn add_participant(core: &mut Core) {
    core.open_editor(
        core.t("setup.add_title"),
        core.t("setup.edit_hint_line"),
        "",
        EditFor::AddParticipant,
        false,
    );
}

/// Steps a choice field (language, template, anonymity) and saves it.
fn cycle(s: &mut SetupState, core: &mut Core, field: Field, forward: bool) {
    let mut session = s.data.session.clone();
    let result = match field {
        Field::Language => {
            session.language = session.language.other();
            core.store
                .update_session(&session)
                .and_then(|_| retitle(s, core, session.language))
        }
        Field::Anonymity => {
            session.anonymity = match session.anonymity {
                Anonymity::Named => Anonymity::Anonymous,
                Anonymity::Anonymous => Anonymity::Named,
            };
            core.store.update_session(&session)
        }
        Field::Template => {
            let keys: Vec<String> = core
                .catalog
                .entries
                .iter()
                .map(|e| e.template.key.clone())
                .collect();
            let i = keys
                .iter()
                .position(|k| *k == session.template)
                .unwrap_or(0);
            let n = keys.len();
            let next = &keys[if forward {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            }];
            match core.catalog.get(next).cloned() {
                Some(t) => core.store.set_template(session.id, &t),
                None => Ok(()),
            }
        }
        _ => Ok(()),
    };
    match result {
        Ok(()) => s.reload(core, None),
        Err(e) => core.error(e),
    }
}

/// After a language change, stage titles that still read as the template's
/// follow the new language; titles the facilitator changed stay.
fn retitle(s: &SetupState, core: &mut Core, lang: Lang) -> crate::store::Result<()> {
    let Some(template) = core.catalog.get(&s.data.session.template).cloned() else {
        return Ok(());
    };
    for stage in &s.data.stages {
        if let Some(ts) = template.stage(&stage.key) {
            if stage.title == ts.title.get(lang.other()) {
                core.store.set_stage_title(stage.id, ts.title.get(lang))?;
            }
        }
    }
    Ok(())
}

/// A text saved in one of the set-up editors.
/// Saves an editor's text; false (the editor stays open with the text)
/// when it was refused or failed.
pub fn edited(s: &mut SetupState, core: &mut Core, purpose: EditFor, text: String) -> bool {
    let text = crate::tui::text::clean(&text, true);
    let mut session = s.data.session.clone();
    let result = match purpose {
        EditFor::Field(f) => {
            let one_line = text.replace('\n', " ").trim().to_string();
            match f {
                Field::Title => session.title = one_line,
                Field::Event => session.event = one_line,
                Field::Lead => session.lead = one_line,
                Field::Question => session.question = text.trim().to_string(),
                Field::Context => session.context = text.trim().to_string(),
                Field::Date => match crate::i18n::parse_date(session.language, &one_line) {
                    Some(d) => session.date = d,
                    None => {
                        core.error(tf(core.lang, "setup.bad_date", &[("value", &one_line)]));
                        return false;
                    }
                },
                _ => {}
            }
            core.store.update_session(&session)
        }
        EditFor::AddParticipant => core
            .store
            .add_participant(session.id, &text, "")
            .map(|_| ()),
        EditFor::RenameParticipant(id) => core.store.rename_participant(id, &text),
        EditFor::ParticipantRole(id) => core.store.set_participant_role(id, &text),
        EditFor::PasteRoster => core.store.add_participants(session.id, &text).map(|added| {
            core.success(tf(
                core.lang,
                "setup.pasted",
                &[("n", &added.len().to_string())],
            ));
        }),
        _ => Ok(()),
    };
    match result {
        Ok(()) => {
            let select = match purpose {
                EditFor::AddParticipant => Some(SetupRow::Add),
                _ => None,
            };
            s.reload(core, select);
            if core.status.is_none() {
                core.success(core.t("setup.saved"));
            }
            true
        }
        Err(e) => {
            core.error(e);
            false
        }
    }
}
