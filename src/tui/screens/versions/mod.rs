//! The report's versions: each published version (draft 1, draft 2, …,
//! validated) with the participants' remarks on it and its sign-offs.
//! Publish (`p`, `V`), record a remark (`a`) or a sign-off (`s`), mark a
//! remark applied (space), and compare two versions (`m` marks one, `d`
//! shows what changed since it, or since the version before). Every write
//! is a command that `u` undoes. Opened from the review screen.

mod about;
mod edit;
mod view;

use super::{load, moved};
use crate::commands::{Command, CommandError, Outcome, ReviewCommand};
use crate::i18n::tf;
use crate::model::{Id, SessionData};
use crate::report::{as_published, review_diff, version_name};
use crate::tui::action::Action;
use crate::tui::core::{Core, Nav};
use crate::tui::history::History;
use crate::tui::keymap::Context;
use crate::tui::popup::Purpose;
use crate::tui::screen::Screen;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::cell::Cell;

pub const VERSIONS: Context = Context("versions");

/// One line of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Version(Id),
    Feedback(Id),
    SignOff(Id),
}

/// What changed between two versions, shown in place of the list.
pub struct DiffPanel {
    pub title: String,
    pub lines: Vec<String>,
    pub offset: usize,
}

pub struct VersionsState {
    pub data: SessionData,
    pub rows: Vec<Row>,
    pub selected: usize,
    pub offset: Cell<usize>,
    pub history: History,
    /// The version marked to compare with (its number).
    pub marked: Option<u32>,
    pub diff: Option<DiffPanel>,
    /// A remark waiting for what it is about (see `about.rs`).
    pub pending: Option<about::Pending>,
    /// The contribution picker of a remark, when open.
    pub items: Option<crate::tui::screens::item_picker::ItemPicker>,
}

/// The versions of session `id`.
pub fn open(id: Id) -> Nav {
    open_and_publish(id, None)
}

/// The versions of session `id`, after publishing the report as the next
/// version (`Some(validated)`): `u` there undoes the publication.
pub fn open_and_publish(id: Id, publish: Option<bool>) -> Nav {
    Nav::to(move |core, _from| {
        let mut state = VersionsState::open(core, id)?;
        if let Some(validated) = publish {
            state.publish(core, validated);
        }
        Some(Box::new(state))
    })
}

impl Screen for VersionsState {
    fn context(&self) -> Context {
        if let Some(picker) = &self.items {
            return picker.context();
        }
        VERSIONS
    }

    fn update(&mut self, core: &mut Core, action: Action) -> Option<Nav> {
        update(self, core, action)
    }

    fn render(&self, core: &Core, area: Rect, buf: &mut Buffer) {
        view::render(self, core, area, buf);
        about::render(self, core, area, buf);
    }

    fn can(&self, action: &Action) -> bool {
        let row = self.rows.get(self.selected).copied();
        match action {
            Action::ApplyFeedback => matches!(row, Some(Row::Feedback(_))),
            Action::Feedback | Action::SignOff | Action::MarkVersion => row.is_some(),
            Action::DiffVersions => self.data.review.standing().count() > 1,
            Action::Undo => self.history.can_undo(),
            Action::Redo => self.history.can_redo(),
            _ => true,
        }
    }

    fn edited(&mut self, core: &mut Core, purpose: &Purpose, text: String) -> bool {
        match purpose.get::<edit::VersionsEdit>() {
            Some(p) => edit::edited(self, core, p.clone(), text),
            None => true,
        }
    }

    fn picked(&mut self, core: &mut Core, purpose: &Purpose, value: Option<Id>) -> Option<Nav> {
        if let Some(p) = purpose.get::<edit::VersionsPick>() {
            edit::picked(self, core, *p, value);
        } else if purpose.get::<about::AboutPick>().is_some() {
            about::picked(self, core, value);
        }
        None
    }

    fn refresh(&mut self, core: &mut Core) {
        if let Some(data) = load(core, self.session_id()) {
            self.data = data;
        }
        self.rebuild();
    }

    fn session(&self) -> Option<Id> {
        Some(self.session_id())
    }

    crate::screen_any!();
}

impl VersionsState {
    pub fn open(core: &mut Core, id: Id) -> Option<VersionsState> {
        let mut state = VersionsState {
            data: load(core, id)?,
            rows: Vec::new(),
            selected: 0,
            offset: Cell::new(0),
            history: History::default(),
            marked: None,
            diff: None,
            pending: None,
            items: None,
        };
        state.rebuild();
        state.selected = state.rows.len().saturating_sub(1);
        state.select_version_row();
        Some(state)
    }

    pub fn session_id(&self) -> Id {
        self.data.session.id
    }

    /// Each standing version, then its remarks and its sign-offs.
    fn rebuild(&mut self) {
        let log = &self.data.review;
        let mut rows = Vec::new();
        for v in log.standing() {
            rows.push(Row::Version(v.id));
            rows.extend(
                log.remarks()
                    .filter(|f| f.version == v.id)
                    .map(|f| Row::Feedback(f.id)),
            );
            rows.extend(
                log.approvals()
                    .filter(|s| s.version == v.id)
                    .map(|s| Row::SignOff(s.id)),
            );
        }
        self.rows = rows;
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }

    /// Moves the selection up to the version its line belongs to.
    fn select_version_row(&mut self) {
        while self.selected > 0 && !matches!(self.rows[self.selected], Row::Version(_)) {
            self.selected -= 1;
        }
    }

    /// The version the selected line belongs to.
    pub fn selected_version(&self) -> Option<&crate::model::ReportVersion> {
        let log = &self.data.review;
        let id = self.rows[..=self.selected.min(self.rows.len().checked_sub(1)?)]
            .iter()
            .rev()
            .find_map(|r| match r {
                Row::Version(id) => Some(*id),
                _ => None,
            })?;
        log.version_by_id(id)
    }

    /// Applies `command` as a change that `u` undoes, and says `said`.
    pub fn run(&mut self, core: &mut Core, command: ReviewCommand, said: &str) -> Option<Outcome> {
        let done = self.history.apply(
            &mut core.store,
            self.session_id(),
            &Command::Review(command),
        );
        self.after(core, Some(done), said, "")
    }

    fn after(
        &mut self,
        core: &mut Core,
        done: Option<Result<Outcome, CommandError>>,
        said: &str,
        nothing: &str,
    ) -> Option<Outcome> {
        match done {
            None => {
                core.info(core.t(nothing));
                None
            }
            Some(Ok(outcome)) => {
                outcome.changes.apply_to(&mut self.data, None);
                self.rebuild();
                if !said.is_empty() {
                    core.success(core.t(said));
                }
                Some(outcome)
            }
            Some(Err(e)) => {
                core.error(e.message(core.lang));
                None
            }
        }
    }

    /// Publishes the report as it reads now (read again from the store)
    /// as the next version.
    fn publish(&mut self, core: &mut Core, validated: bool) {
        let Some(data) = load(core, self.session_id()) else {
            return;
        };
        self.data = data;
        let report = as_published(&self.data, validated, core.store.clock().now());
        let sha256 = crate::model::content_hash(&report);
        let validates = (self.data.review.validates(&sha256))
            .filter(|_| validated)
            .map(|v| version_name(core.lang, v.number, v.validated));
        let command = ReviewCommand::Publish {
            note: String::new(),
            validated,
            report,
        };
        let Some(outcome) = self.run(core, command, "") else {
            return;
        };
        let made = ReviewCommand::published(&outcome.inverse);
        let log = &self.data.review;
        if let Some(v) = made.and_then(|id| log.version_by_id(id)) {
            let name = version_name(core.lang, v.number, v.validated);
            let mut said = tf(core.lang, "cycle.published", &[("version", &name)]);
            if let Some(draft) = validates {
                said.push(' ');
                said.push_str(&tf(core.lang, "cycle.validates", &[("version", &draft)]));
            }
            core.success(said);
            let at = self.rows.iter().position(|r| *r == Row::Version(v.id));
            self.selected = at.unwrap_or(self.selected);
        }
    }

    /// Compares the selected version with the marked one, or else with
    /// the version before it.
    fn show_diff(&mut self, core: &mut Core) {
        let log = &self.data.review;
        let Some(to) = self.selected_version().map(|v| v.number) else {
            core.info(core.t("cycle.diff_needs_two"));
            return;
        };
        let earlier = log.standing().map(|v| v.number).filter(|n| *n < to).max();
        let from = self
            .marked
            .filter(|m| *m != to && log.version(*m).is_some());
        let Some(from) = from.or(earlier) else {
            core.info(core.t("cycle.diff_needs_two"));
            return;
        };
        let (from, to) = (from.min(to), from.max(to));
        let id = self.session_id();
        let texts = (core.store.version_report(id, from))
            .and_then(|old| Ok((old, core.store.version_report(id, to)?)));
        let (old, new) = match texts {
            Ok(texts) => texts,
            Err(e) => return core.fail(&e),
        };
        let lang = self.data.session.language;
        match review_diff::diff(from, &old, to, &new) {
            Ok(d) => {
                let name = |n: u32| {
                    let v = log.version(n);
                    version_name(lang, n, v.is_some_and(|v| v.validated))
                };
                let title = tf(
                    core.lang,
                    "cycle.diff_title",
                    &[("from", &name(from)), ("to", &name(to))],
                );
                let lines = review_diff::lines(&d, lang);
                self.diff = Some(DiffPanel {
                    title,
                    lines,
                    offset: 0,
                });
            }
            Err(e) => {
                let error = e.to_string();
                core.error(tf(core.lang, "cycle.diff_unreadable", &[("error", &error)]));
            }
        }
    }
}

fn update(s: &mut VersionsState, core: &mut Core, action: Action) -> Option<Nav> {
    if s.items.is_some() {
        about::update(s, core, action);
        return None;
    }
    if let Some(panel) = &mut s.diff {
        if let Some(to) = moved(&action, panel.offset, panel.lines.len()) {
            panel.offset = to;
            return None;
        }
        if action == Action::Back {
            s.diff = None;
            return None;
        }
    }
    if let Some(to) = moved(&action, s.selected, s.rows.len()) {
        s.selected = to;
        return None;
    }
    let row = s.rows.get(s.selected).copied();
    match (action, row) {
        (Action::Back, _) => return Some(super::review::open(s.session_id())),
        (Action::Undo, _) => {
            let done = s.history.undo(&mut core.store, s.session_id());
            s.after(core, done, "run.undone", "run.nothing_to_undo");
        }
        (Action::Redo, _) => {
            let done = s.history.redo(&mut core.store, s.session_id());
            s.after(core, done, "run.redone", "run.nothing_to_redo");
        }
        (Action::PublishVersion, _) => s.publish(core, false),
        (Action::PublishValidated, _) => s.publish(core, true),
        (Action::Feedback, Some(_)) => edit::ask_from(s, core),
        (Action::SignOff, Some(_)) => edit::ask_signer(s, core),
        (Action::ApplyFeedback, Some(Row::Feedback(id))) => {
            let applied = s
                .data
                .review
                .feedback
                .iter()
                .any(|f| f.id == id && f.applied_at.is_none());
            let said = if applied {
                "cycle.applied_now"
            } else {
                "cycle.unapplied"
            };
            s.run(core, ReviewCommand::SetApplied { id, applied }, said);
        }
        (Action::MarkVersion, Some(_)) => {
            if let Some(v) = s.selected_version() {
                let name = version_name(core.lang, v.number, v.validated);
                s.marked = Some(v.number);
                core.info(tf(core.lang, "cycle.marked", &[("version", &name)]));
            }
        }
        (Action::DiffVersions, _) => s.show_diff(core),
        (Action::Feedback | Action::SignOff | Action::ApplyFeedback | Action::MarkVersion, _) => {
            core.info(core.t("cycle.nothing_here"))
        }
        _ => {}
    }
    None
}
