//! Review & export: the report as it will read, scrollable, and export to
//! each report format into the documents folder, showing the written paths.
//! The complete archive (bundle) is a separate action and goes into an
//! `archives` folder of its own, never among the reports.

mod cycle;
mod preview;
mod view;

use preview::preview;

use super::load;
use crate::i18n::tf;
use crate::model::{Id, SessionData, SessionStatus};
use crate::report::{self, Format, Options, Report};
use crate::tui::action::Action;
use crate::tui::core::{Core, Nav};
use crate::tui::keymap::Context;
use crate::tui::screen::Screen;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::path::PathBuf;

/// A paragraph of the preview: how it looks and how far it is indented.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    Title,
    Heading,
    Sub,
    Body,
    Muted,
}

pub struct ReviewState {
    pub data: SessionData,
    pub paragraphs: Vec<(Look, usize, String)>,
    pub offset: usize,
    /// Reports written, for the list and for "open".
    pub exported: Vec<PathBuf>,
    /// The complete archive, once written.
    pub archive: Option<PathBuf>,
    /// Where Esc leads: the screen this one was opened from.
    back: Option<Nav>,
}

pub const REVIEW: Context = Context("review");

/// Review & export of session `id`; Esc goes back to where it came from.
pub fn open(id: Id) -> Nav {
    Nav::to(move |core, from| {
        let back = from.and_then(|s| s.return_nav());
        Some(Box::new(ReviewState::open(core, id, back)?))
    })
}

impl Screen for ReviewState {
    fn context(&self) -> Context {
        REVIEW
    }

    fn update(&mut self, core: &mut Core, action: Action) -> Option<Nav> {
        update(self, core, action)
    }

    fn render(&self, core: &Core, area: Rect, buf: &mut Buffer) {
        view::render(self, core, area, buf);
    }

    /// Opening needs something exported first.
    fn can(&self, action: &Action) -> bool {
        let closed = self.data.session.status == SessionStatus::Closed;
        match action {
            Action::OpenExported => !self.exported.is_empty(),
            Action::ReopenSession => closed,
            Action::CloseSession => !closed,
            _ => true,
        }
    }

    /// Shows changes made elsewhere, keeping the scroll position.
    fn refresh(&mut self, core: &mut Core) {
        if let Some(data) = load(core, self.data.session.id) {
            self.paragraphs = preview(&Report::for_reading(&data, Default::default()));
            self.data = data;
        }
    }

    fn session(&self) -> Option<Id> {
        Some(self.data.session.id)
    }

    crate::screen_any!();
}

impl ReviewState {
    pub fn open(core: &mut Core, id: Id, back: Option<Nav>) -> Option<ReviewState> {
        let data = load(core, id)?;
        let paragraphs = preview(&Report::for_reading(&data, Default::default()));
        // Files exported earlier (their names are the session's own) are
        // listed again, and `o` opens them.
        let exported = Format::REPORTS
            .iter()
            .map(|f| core.export_dir.join(report::file_name(&data, *f)))
            .filter(|p| p.is_file())
            .collect();
        let archive = Some(archive_dir(core).join(report::file_name(&data, Format::Bundle)))
            .filter(|p| p.is_file());
        Some(ReviewState {
            data,
            paragraphs,
            offset: 0,
            exported,
            archive,
            back,
        })
    }
}

fn update(s: &mut ReviewState, core: &mut Core, action: Action) -> Option<Nav> {
    let last = s.paragraphs.len().saturating_sub(1);
    match action {
        Action::Up => s.offset = s.offset.saturating_sub(1),
        Action::Down => s.offset = (s.offset + 1).min(last),
        Action::PageUp => s.offset = s.offset.saturating_sub(10),
        Action::PageDown => s.offset = (s.offset + 10).min(last),
        Action::Top => s.offset = 0,
        Action::Bottom => s.offset = last,
        Action::Back => {
            let id = s.data.session.id;
            // A closed session has no run screen to go back to.
            if s.data.session.status == SessionStatus::Closed {
                return Some(super::home::open());
            }
            return Some(
                s.back
                    .take()
                    .unwrap_or_else(|| super::run::open_at_list(id)),
            );
        }
        Action::ReopenSession => return reopen(s, core),
        Action::ExportAll => export(s, core, &Format::REPORTS),
        Action::ExportMarkdown => export(s, core, &[Format::Markdown]),
        Action::ExportHtml => export(s, core, &[Format::Html]),
        Action::ExportCsv => export(s, core, &[Format::Csv]),
        Action::ExportJson => export(s, core, &[Format::Json]),
        Action::ExportOdt => export(s, core, &[Format::Odt]),
        Action::ExportAnonymised => export_with(s, core, &Format::REPORTS, Options::ANONYMISED),
        Action::ExportPdf => export(s, core, &[Format::Pdf]),
        Action::ExportBundle => export_archive(s, core),
        Action::OpenExported => open_exported(s, core),
        Action::CloseSession => close(s, core),
        Action::PublishVersion | Action::PublishValidated | Action::Versions => {
            return cycle::nav(s.data.session.id, &action)
        }
        _ => {}
    }
    None
}

fn export(s: &mut ReviewState, core: &mut Core, formats: &[Format]) {
    export_with(s, core, formats, Options::default());
}

/// Writes each report format as `options` says, beside the others: the
/// anonymised variant's file names say it (`…-anonymised.md`).
fn export_with(s: &mut ReviewState, core: &mut Core, formats: &[Format], options: Options) {
    // Every file names the same version: looked for once, not per format.
    let current = report::current_version(&s.data).cloned();
    for format in formats {
        core.status = None;
        let name = report::file_name_for(&s.data, *format, options, current.as_ref());
        let path = core.export_dir.join(name);
        let Ok(bytes) = report::bytes_with(*format, &s.data, options) else {
            return;
        };
        match crate::paths::write_atomically(&path, &bytes) {
            Ok(()) => {
                s.exported.retain(|p| *p != path);
                s.exported.push(path.clone());
                core.success(tf(
                    core.lang,
                    "review.exported",
                    &[("path", &path.display().to_string())],
                ));
            }
            Err(e) => {
                core.error(tf(
                    core.lang,
                    "review.export_failed",
                    &[
                        ("path", &path.display().to_string()),
                        ("error", &e.to_string()),
                    ],
                ));
                return;
            }
        }
    }
    if formats.len() > 1 {
        let dir = core.export_dir.display().to_string();
        let n = formats.len().to_string();
        let key = if options.anonymise {
            "finish8.exported_anonymised"
        } else {
            "review.exported_many"
        };
        core.success(tf(core.lang, key, &[("n", &n), ("dir", &dir)]));
    }
}

/// Where the complete archive goes: a folder of its own, so the report
/// folder only ever holds what participants may read.
pub fn archive_dir(core: &Core) -> PathBuf {
    core.export_dir.join("archives")
}

fn export_archive(s: &mut ReviewState, core: &mut Core) {
    let path = archive_dir(core).join(report::file_name(&s.data, Format::Bundle));
    let text = report::render(Format::Bundle, &s.data);
    let shown = path.display().to_string();
    match crate::paths::write_atomically(&path, text.as_bytes()) {
        Ok(()) => {
            // The file is listed in the exports panel; the status line,
            // one line wide, names its folder only, so it is never cut.
            let folder = archive_dir(core);
            let folder = folder.strip_prefix(&core.export_dir).unwrap_or(&folder);
            let folder = format!("{}/", folder.display());
            s.archive = Some(path);
            core.success(tf(core.lang, "review.archived", &[("dir", &folder)]));
        }
        Err(e) => core.error(tf(
            core.lang,
            "review.export_failed",
            &[("path", &shown), ("error", &e.to_string())],
        )),
    }
}

/// Opens the most useful exported file (HTML first) with the system viewer.
fn open_exported(s: &ReviewState, core: &mut Core) {
    let path = s
        .exported
        .iter()
        .find(|p| p.extension().is_some_and(|e| e == "html"))
        .or(s.exported.last())
        .cloned();
    let Some(path) = path else {
        core.info(core.t("review.export_first"));
        return;
    };
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let spawned = std::process::Command::new(opener)
        .arg(&path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    let shown = path.display().to_string();
    let mut child = match spawned {
        Ok(child) => child,
        Err(e) => {
            core.error(tf(
                core.lang,
                "review.open_failed",
                &[("error", &e.to_string())],
            ));
            return;
        }
    };
    // The opener hands the file to a viewer and exits: its verdict comes
    // within moments. Only a success says "opened".
    let deadline = std::time::Instant::now() + std::time::Duration::from_millis(1500);
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => {
                core.success(tf(core.lang, "review.opened", &[("path", &shown)]));
                return;
            }
            Ok(Some(status)) => {
                let error = format!("{opener}: {status}");
                core.error(tf(core.lang, "review.open_failed", &[("error", &error)]));
                return;
            }
            Ok(None) if std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Ok(None) => {
                core.info(tf(core.lang, "review.opening", &[("path", &shown)]));
                return;
            }
            Err(e) => {
                core.error(tf(
                    core.lang,
                    "review.open_failed",
                    &[("error", &e.to_string())],
                ));
                return;
            }
        }
    }
}

fn close(s: &mut ReviewState, core: &mut Core) {
    let id = s.data.session.id;
    match crate::commands::apply(&mut core.store, id, &crate::commands::Command::Close) {
        Ok(outcome) => {
            outcome.changes.apply_to(&mut s.data, None);
            core.success(core.t("review.closed"));
        }
        Err(e) => core.error(e.message(core.lang)),
    }
}

/// Reopens a closed session and goes back to running it.
fn reopen(s: &mut ReviewState, core: &mut Core) -> Option<Nav> {
    let id = s.data.session.id;
    let reopen = crate::commands::Command::Reopen { restore: None };
    match crate::commands::apply(&mut core.store, id, &reopen) {
        Ok(outcome) => {
            outcome.changes.apply_to(&mut s.data, None);
            core.success(core.t("review.reopened"));
            Some(super::run::open_at_list(id))
        }
        Err(e) => {
            core.error(e.message(core.lang));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MAX_DEPTH;
    use crate::report::Item;

    #[test]
    fn a_deep_chain_previews_with_capped_indentation() {
        let text = include_str!("../../../../sessions/atelier-5-emergence-session-1.json");
        let catalog = crate::templates::Catalog::built_in();
        let mut report = Report::build(&crate::bundle::parse("sample", text, &catalog).unwrap());
        let mut chain = Item {
            text: "deepest".into(),
            author: None,
            kind: None,
            children: Vec::new(),
            ..Default::default()
        };
        for _ in 0..2_000 {
            chain = Item {
                text: "deeper".into(),
                author: None,
                kind: None,
                children: vec![chain],
                ..Default::default()
            };
        }
        report.ideas = vec![chain];
        let paragraphs = preview(&report);
        let deepest = paragraphs
            .iter()
            .find(|p| p.2.ends_with("deepest"))
            .unwrap();
        assert_eq!(deepest.1, MAX_DEPTH + 1);
        assert_eq!(paragraphs.iter().map(|p| p.1).max(), Some(MAX_DEPTH + 1));
        assert_eq!(
            paragraphs
                .iter()
                // In the ideas' list; the log lists each item again.
                .filter(|p| p.2.ends_with("deeper") && p.2.starts_with(['•', '◦']))
                .count(),
            2_000
        );
    }
}
