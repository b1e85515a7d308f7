//! Set-up: the session's title, event, date, question, context, lead,
//! language, template and anonymity, and its roster. Every change is a
//! command, saved as soon as it is confirmed; `u` applies its inverse and
//! Ctrl+R does it again.

mod closed;
mod report_choices;
mod structures;
mod view;

use super::{load, moved};
use crate::commands::{Changes, Command, Details};
use crate::i18n::tf;
use crate::model::{Anonymity, Id, Lang, SessionData};
use crate::tui::action::Action;
use crate::tui::core::{Core, Nav};
use crate::tui::history::History;
use crate::tui::keymap::Context;
use crate::tui::popup::Purpose;
use crate::tui::screen::Screen;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::cell::Cell;

pub const SETUP: Context = Context("setup");

/// The set-up of session `id`; Esc goes back to the screen it was opened
/// from (the run screen for `c`), home when there is none.
pub fn open(id: Id) -> Nav {
    Nav::to(move |core, from| {
        let mut setup = SetupState::open(core, id)?;
        setup.back = from.and_then(|s| s.return_nav());
        Some(Box::new(setup))
    })
}

/// The set-up of a session just created: left untouched, it is removed
/// again, so an `n` followed by Esc leaves no empty draft behind.
pub fn open_new(id: Id) -> Nav {
    Nav::to(move |core, _| {
        let mut setup = SetupState::open(core, id)?;
        setup.fresh = true;
        Some(Box::new(setup))
    })
}

/// What the set-up's editors are for.
#[derive(Debug, Clone, PartialEq)]
enum SetupEdit {
    Field(Field),
    AddParticipant,
    RenameParticipant(Id),
    ParticipantRole(Id),
    PasteRoster,
}

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
    /// The stage run as a 1-2-4-All.
    Structure,
    /// The report's discussion: by kind or in spoken order.
    ReportOrder,
    /// The report's per-person counts: kept or shown.
    PersonStats,
    /// Where the session takes place.
    Place,
}

impl Field {
    pub const ALL: [Field; 13] = [
        Field::Title,
        Field::Event,
        Field::Date,
        Field::Place,
        Field::Question,
        Field::Context,
        Field::Lead,
        Field::Language,
        Field::Template,
        Field::Anonymity,
        Field::Structure,
        Field::ReportOrder,
        Field::PersonStats,
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
            Field::Structure => "structures.setup_label",
            Field::ReportOrder => "sections.setup_order",
            Field::PersonStats => "sections.setup_person_stats",
            Field::Place => "sections.setup_place",
        }
    }

    pub fn is_choice(self) -> bool {
        matches!(
            self,
            Field::Language
                | Field::Template
                | Field::Anonymity
                | Field::Structure
                | Field::ReportOrder
                | Field::PersonStats
        )
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
    /// The changes made here, to undo and redo.
    pub history: History,
    pub selected: usize,
    pub offset: Cell<usize>,
    /// Created by `n` on home and not yet changed.
    fresh: bool,
    /// Where Esc goes: the screen set-up was opened from; home if none.
    back: Option<Nav>,
}

impl Screen for SetupState {
    fn context(&self) -> Context {
        SETUP
    }

    fn update(&mut self, core: &mut Core, action: Action) -> Option<Nav> {
        update(self, core, action)
    }

    /// `← →` change a choice: offered on the choice fields only.
    fn can(&self, action: &Action) -> bool {
        match action {
            Action::Left | Action::Right => {
                matches!(self.current(), SetupRow::Field(f) if f.is_choice())
            }
            _ => true,
        }
    }

    fn render(&self, core: &Core, area: Rect, buf: &mut Buffer) {
        view::render(self, core, area, buf);
    }

    fn edited(&mut self, core: &mut Core, purpose: &Purpose, text: String) -> bool {
        match purpose.get::<SetupEdit>() {
            Some(p) => edited(self, core, p.clone(), text),
            None => true,
        }
    }

    /// Shows changes made elsewhere, keeping the selected row.
    fn refresh(&mut self, core: &mut Core) {
        let current = self.current();
        self.reload(core, Some(current));
    }

    fn session(&self) -> Option<Id> {
        Some(self.data.session.id)
    }

    fn return_nav(&self) -> Option<Nav> {
        Some(open(self.data.session.id))
    }

    crate::screen_any!();
}

impl SetupState {
    pub fn open(core: &mut Core, id: Id) -> Option<SetupState> {
        core.reload_templates();
        Some(SetupState {
            data: load(core, id)?,
            history: core.history(id),
            selected: 0,
            offset: Cell::new(0),
            fresh: false,
            back: None,
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

    /// Whether a session made by `n` is still as it was created.
    fn untouched(&self, core: &Core) -> bool {
        let s = &self.data.session;
        self.fresh
            && s.title == core.t("home.new_title")
            && s.question.is_empty()
            && s.context.is_empty()
            && s.event.is_empty()
            && s.lead.is_empty()
            && self.data.participants.is_empty()
            && self.data.contributions.is_empty()
    }

    /// Shows changes made elsewhere (another process).
    fn reload(&mut self, core: &mut Core, select: Option<SetupRow>) {
        if let Some(data) = load(core, self.data.session.id) {
            self.data = data;
        }
        self.select(select);
    }

    /// Applies `command` as a change that can be undone and shows what it
    /// changed, selecting `select`; says why when it was refused.
    fn apply(&mut self, core: &mut Core, command: &Command, select: Option<SetupRow>) -> bool {
        match self
            .history
            .apply(&mut core.store, self.data.session.id, command)
        {
            Ok(outcome) => {
                self.take(&outcome.changes, select);
                true
            }
            Err(e) => {
                core.error(e.message(core.lang));
                false
            }
        }
    }

    /// Undoes (`back`) or redoes the last change.
    fn step_history(&mut self, core: &mut Core, back: bool) {
        let id = self.data.session.id;
        let done = if back {
            self.history.undo(&mut core.store, id)
        } else {
            self.history.redo(&mut core.store, id)
        };
        match done {
            None if back => core.info(core.t("run.nothing_to_undo")),
            None => core.info(core.t("run.nothing_to_redo")),
            Some(Ok(outcome)) => {
                let select = outcome
                    .changes
                    .delta
                    .participants
                    .first()
                    .filter(|p| p.removed_at.is_none())
                    .map(|p| SetupRow::Participant(p.id));
                self.take(&outcome.changes, select);
                core.success(self.history.said(core.lang, back));
            }
            Some(Err(e)) => core.error(e.message(core.lang)),
        }
    }

    /// Puts what a command changed into the screen's data.
    fn take(&mut self, changes: &Changes, select: Option<SetupRow>) {
        changes.apply_to(&mut self.data, None);
        self.select(select);
    }

    fn select(&mut self, select: Option<SetupRow>) {
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
            Field::Structure => structures::value(self, core),
            Field::ReportOrder | Field::PersonStats => report_choices::value(self, core, field),
            Field::Place => s.place.clone(),
        }
    }
}

fn update(s: &mut SetupState, core: &mut Core, action: Action) -> Option<Nav> {
    let len = s.rows().len();
    if let Some(to) = moved(&action, s.selected, len) {
        s.selected = to;
        return None;
    }
    match action {
        Action::Back => {
            if s.untouched(core) {
                if let Err(e) = core.store.delete_session(s.data.session.id) {
                    core.fail(&e);
                }
            }
            return Some(s.back.take().unwrap_or_else(super::home::open));
        }
        Action::Run => return Some(super::run::open(s.data.session.id)),
        // Said before any typing, not when the typed text is refused.
        a if closed::refuses(s, &a) => core.error(core.t("command.closed").to_string()),
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
                    Purpose::new(SetupEdit::Field(f)),
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
                    Purpose::new(SetupEdit::RenameParticipant(id)),
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
                core.open_editor(
                    title,
                    hint,
                    &role,
                    Purpose::new(SetupEdit::ParticipantRole(id)),
                    false,
                );
            }
        }
        Action::PasteRoster => {
            core.open_editor(
                core.t("setup.paste_title"),
                core.t("setup.paste_hint"),
                "",
                Purpose::new(SetupEdit::PasteRoster),
                true,
            );
        }
        Action::Delete => {
            if let SetupRow::Participant(id) = s.current() {
                if s.apply(core, &Command::RemoveParticipant { id }, None) {
                    core.success(core.t("setup.removed"));
                }
            }
        }
        Action::Undo => s.step_history(core, true),
        Action::Redo => s.step_history(core, false),
        Action::MoveUp | Action::MoveDown => {
            if let SetupRow::Participant(id) = s.current() {
                let up = action == Action::MoveUp;
                s.apply(
                    core,
                    &Command::MoveParticipant { id, up },
                    Some(SetupRow::Participant(id)),
                );
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
        Purpose::new(SetupEdit::AddParticipant),
        false,
    );
}

/// Steps a choice field (language, template, anonymity) and saves it.
fn cycle(s: &mut SetupState, core: &mut Core, field: Field, forward: bool) {
    let session = &s.data.session;
    let command = match field {
        Field::Language => {
            let lang = session.language.other();
            Command::Batch(vec![
                Command::SetLanguage(lang),
                Command::SetStageTitles(retitled(s, core, lang)),
            ])
        }
        Field::Anonymity => Command::SetDetails(Details {
            anonymity: match session.anonymity {
                Anonymity::Named => Anonymity::Anonymous,
                Anonymity::Anonymous => Anonymity::Named,
            },
            ..Details::of(session)
        }),
        Field::Template => {
            let keys: Vec<&String> = core
                .catalog
                .entries
                .iter()
                .map(|e| &e.template.key)
                .collect();
            let i = keys
                .iter()
                .position(|k| **k == session.template)
                .unwrap_or(0);
            let n = keys.len();
            let next = keys[if forward {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            }];
            let Some(t) = core.catalog.get(next) else {
                return;
            };
            Command::PutStages {
                template: t.key.clone(),
                stages: t.new_stages(session.language),
            }
        }
        Field::Structure => match structures::cycle(s, forward) {
            Some(command) => command,
            None => return,
        },
        Field::ReportOrder | Field::PersonStats => report_choices::cycle(s, field),
        _ => return,
    };
    s.apply(core, &command, None);
}

/// After a language change, stage titles that still read as the template's
/// follow the new language; titles the facilitator changed stay.
fn retitled(s: &SetupState, core: &Core, lang: Lang) -> Vec<(Id, String)> {
    let Some(template) = core.catalog.get(&s.data.session.template) else {
        return Vec::new();
    };
    s.data
        .stages
        .iter()
        .filter_map(|stage| {
            let ts = template.stage(&stage.key)?;
            (stage.title == ts.title.get(lang.other()))
                .then(|| (stage.id, ts.title.get(lang).to_string()))
        })
        .collect()
}

/// Saves an editor's text; false (the editor stays open with the text)
/// when it was refused or failed.
fn edited(s: &mut SetupState, core: &mut Core, purpose: SetupEdit, text: String) -> bool {
    let text = crate::tui::text::clean(&text, true);
    let session = &s.data.session;
    let participant = |id: Id| s.data.participant(id).cloned();
    let (command, select) = match purpose {
        SetupEdit::Field(f) => {
            let one_line = text.replace('\n', " ").trim().to_string();
            let mut details = Details::of(session);
            match f {
                Field::Title => details.title = one_line,
                Field::Event => details.event = one_line,
                Field::Place => details.place = one_line,
                Field::Lead => details.lead = one_line,
                Field::Question => details.question = text.trim().to_string(),
                Field::Context => details.context = text.trim().to_string(),
                Field::Date => match crate::i18n::parse_date(session.language, &one_line) {
                    Some(d) => details.date = d,
                    None => {
                        core.error(tf(core.lang, "setup.bad_date", &[("value", &one_line)]));
                        return false;
                    }
                },
                _ => {}
            }
            (Command::SetDetails(details), None)
        }
        SetupEdit::AddParticipant => (
            Command::AddParticipant {
                name: text,
                role: String::new(),
            },
            Some(SetupRow::Add),
        ),
        SetupEdit::RenameParticipant(id) | SetupEdit::ParticipantRole(id) => {
            let Some(p) = participant(id) else {
                return true;
            };
            let (name, role) = match purpose {
                SetupEdit::RenameParticipant(_) => (text, p.role),
                _ => (p.name, text),
            };
            (Command::EditParticipant { id, name, role }, None)
        }
        SetupEdit::PasteRoster => {
            let adds: Vec<Command> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|name| Command::AddParticipant {
                    name: name.to_string(),
                    role: String::new(),
                })
                .collect();
            let n = adds.len();
            if !s.apply(core, &Command::Batch(adds), None) {
                return false;
            }
            core.success(tf(core.lang, "setup.pasted", &[("n", &n.to_string())]));
            return true;
        }
    };
    if s.apply(core, &command, select) {
        core.success(core.t("setup.saved"));
        true
    } else {
        false
    }
}
