//! Home: the sessions in the database, newest first; open, create,
//! duplicate as the next session, export, archive, delete.

use super::{moved, scroll_to};
use crate::i18n::tf;
use crate::model::Lang;
use crate::store::{NewSession, SessionSummary};
use crate::templates::DEFAULT_TEMPLATE;
use crate::tui::action::Action;
use crate::tui::app::{Core, Nav};
use crate::tui::keymap::Context;
use crate::tui::popup::{Pending, Popup};
use crate::tui::text::{clean, truncate};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell as TableCell, Paragraph, Row, Table, Widget, Wrap};
use std::cell::Cell;

#[derive(Default)]
pub struct HomeState {
    pub sessions: Vec<SessionSummary>,
    pub filter: String,
    pub filtering: bool,
    pub show_archived: bool,
    pub selected: usize,
    pub offset: Cell<usize>,
}

impl HomeState {
    pub fn load(core: &mut Core) -> HomeState {
        let mut s = HomeState::default();
        s.reload(core);
        s
    }

    pub fn reload(&mut self, core: &mut Core) {
        match core.store.list_sessions(self.show_archived) {
            Ok(list) => self.sessions = list,
            Err(e) => core.error(e),
        }
        self.selected = self.selected.min(self.visible().len().saturating_sub(1));
    }

    /// Actions on a session need one to be selected.
    pub fn can(&self, action: &Action) -> bool {
        match action {
            Action::Open
            | Action::Setup
            | Action::Review
            | Action::Duplicate
            | Action::Archive
            | Action::DeleteForever => self.current().is_some(),
            _ => true,
        }
    }

    pub fn context(&self) -> Context {
        if self.filtering {
            Context::Filter
        } else {
            Context::Home
        }
    }

    /// Sessions matching the filter (title, event or date).
    pub fn visible(&self) -> Vec<&SessionSummary> {
        let f = self.filter.to_lowercase();
        self.sessions
            .iter()
            .filter(|s| {
                f.is_empty()
                    || s.title.to_lowercase().contains(&f)
                    || s.event.to_lowercase().contains(&f)
                    || s.date.to_string().contains(&f)
            })
            .collect()
    }

    pub fn current(&self) -> Option<&SessionSummary> {
        self.visible().get(self.selected).copied()
    }

    pub fn select(&mut self, id: crate::model::Id) {
        if let Some(i) = self.visible().iter().position(|s| s.id == id) {
            self.selected = i;
        }
    }

    pub fn type_char(&mut self, c: char) {
        self.filter.push(c);
        self.selected = 0;
    }

    pub fn backspace(&mut self) {
        self.filter.pop();
        self.selected = 0;
    }
}

pub fn update(s: &mut HomeState, core: &mut Core, action: Action) -> Option<Nav> {
    let len = s.visible().len();
    let current = s.current().map(|c| (c.id, c.archived, c.title.clone()));
    if let Some(to) = moved(&action, s.selected, len) {
        s.selected = to;
        return None;
    }
    match action {
        Action::Filter => s.filtering = true,
        Action::Confirm => s.filtering = false,
        Action::Back if s.filtering => {
            s.filtering = false;
            s.filter.clear();
        }
        Action::Quit | Action::Back => core.quit = true,
        Action::NewSession => return new_session(s, core),
        Action::Open => return current.map(|(id, ..)| Nav::Run(id)),
        Action::Setup => return current.map(|(id, ..)| Nav::Setup(id)),
        Action::Review => return current.map(|(id, ..)| Nav::Review(id)),
        Action::Duplicate => {
            if let Some((id, ..)) = current {
                match core.store.duplicate_as_next(id) {
                    Ok(new) => {
                        s.reload(core);
                        s.select(new);
                        core.success(core.t("home.duplicated"));
                    }
                    Err(e) => core.error(e),
                }
            }
        }
        Action::Archive => {
            if let Some((id, archived, _)) = current {
                let result = if archived {
                    core.store.unarchive(id)
                } else {
                    core.store.archive(id)
                };
                match result {
                    Ok(()) => {
                        s.reload(core);
                        let key = if archived {
                            "home.unarchived"
                        } else {
                            "home.archived"
                        };
                        core.success(core.t(key));
                    }
                    Err(e) => core.error(e),
                }
            }
        }
        Action::ToggleArchived => {
            s.show_archived = !s.show_archived;
            s.reload(core);
        }
        Action::DeleteForever => {
            if let Some((id, _, title)) = current {
                core.popup = Some(Popup::Confirm {
                    message: tf(core.lang, "home.confirm_delete", &[("title", &title)]),
                    pending: Pending::DeleteSession(id),
                });
            }
        }
        _ => {}
    }
    None
}

fn new_session(s: &mut HomeState, core: &mut Core) -> Option<Nav> {
    let Some(template) = core.catalog.get(DEFAULT_TEMPLATE).cloned() else {
        core.error(core.t("home.no_template"));
        return None;
    };
    let today = (core.clock)().with_timezone(&chrono::Local).date_naive();
    let new = NewSession {
        title: core.t("home.new_title").to_string(),
        event: String::new(),
        date: today,
        language: core.lang,
        question: String::new(),
        context: String::new(),
        lead: String::new(),
        participants: Vec::new(),
    };
    match core.store.create_session(&new, &template) {
        Ok(id) => {
            s.reload(core);
            Some(Nav::Setup(id))
        }
        Err(e) => {
            core.error(e);
            None
        }
    }
}

pub fn render(s: &HomeState, core: &Core, area: Rect, buf: &mut Buffer) {
    let theme = &core.theme;
    let [head, filter_area, table_area, detail_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(4),
        Constraint::Length(4),
    ])
    .areas(area);
    let visible = s.visible();
    let heading = if s.show_archived {
        core.t("home.title_archived")
    } else {
        core.t("home.title")
    };
    Paragraph::new(Line::from(vec![
        Span::styled("Atelier", theme.title()),
        Span::styled(format!(" — {heading} ({})", visible.len()), theme.heading()),
    ]))
    .render(head, buf);
    let filter_line = if s.filtering || !s.filter.is_empty() {
        Line::from(vec![
            Span::styled("/ ", theme.key()),
            Span::raw(clean(&s.filter, false)),
            Span::styled(if s.filtering { "▏" } else { "" }, theme.accent()),
        ])
    } else {
        Line::from(Span::styled(core.t("home.filter_hint"), theme.muted()))
    };
    Paragraph::new(filter_line).render(filter_area, buf);

    let block = Block::bordered().border_style(theme.border(true));
    let inner_rows = table_area.height.saturating_sub(3) as usize;
    let offset = scroll_to(s.offset.get(), s.selected, inner_rows);
    s.offset.set(offset);
    let wide = area.width >= 100;
    let title_width = if wide {
        area.width as usize - 62
    } else {
        area.width as usize - 40
    };
    let rows: Vec<Row> = visible
        .iter()
        .enumerate()
        .skip(offset)
        .take(inner_rows)
        .map(|(i, summary)| session_row(summary, core, i == s.selected, wide, title_width))
        .collect();
    let mut header = vec![core.t("home.col_title"), core.t("home.col_date")];
    if wide {
        header.insert(1, core.t("home.col_event"));
    }
    header.extend([
        core.t("home.col_people"),
        core.t("home.col_inputs"),
        core.t("home.col_status"),
    ]);
    let mut widths = vec![Constraint::Min(10), Constraint::Length(10)];
    if wide {
        widths.insert(1, Constraint::Length(16));
    }
    widths.extend([
        Constraint::Length(6),
        Constraint::Length(8),
        Constraint::Length(9),
    ]);
    if visible.is_empty() {
        let text = if s.filter.is_empty() {
            core.t("home.empty")
        } else {
            core.t("home.no_match")
        };
        Paragraph::new(Span::styled(text, theme.muted()))
            .block(block)
            .wrap(Wrap { trim: true })
            .render(table_area, buf);
    } else {
        Table::new(rows, widths)
            .header(Row::new(header).style(theme.heading()))
            .block(block)
            .render(table_area, buf);
    }
    if let Some(current) = s.current() {
        detail(current, core, detail_area, buf);
    }
}

fn session_row<'a>(
    s: &SessionSummary,
    core: &Core,
    selected: bool,
    wide: bool,
    title_width: usize,
) -> Row<'a> {
    let status = core.t(&format!("report.status.{}", s.status.key()));
    let marker = if selected { "› " } else { "  " };
    let mut title = format!("{marker}{}", clean(&s.title, false));
    if s.archived {
        title.push_str(&format!(" [{}]", core.t("home.archived_tag")));
    }
    let mut cells = vec![
        TableCell::from(truncate(&title, title_width)),
        TableCell::from(s.date.format("%Y-%m-%d").to_string()),
    ];
    if wide {
        cells.insert(1, TableCell::from(truncate(&clean(&s.event, false), 16)));
    }
    cells.extend([
        TableCell::from(format!("{:>5}", s.participants)),
        TableCell::from(format!("{:>7}", s.contributions)),
        TableCell::from(status),
    ]);
    let row = Row::new(cells);
    if selected {
        row.style(core.theme.selected())
    } else {
        row
    }
}

fn detail(s: &SessionSummary, core: &Core, area: Rect, buf: &mut Buffer) {
    let lang_name = match s.language {
        Lang::Fr => "français",
        Lang::En => "English",
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(clean(&s.title, false), core.theme.heading()),
        Span::styled(
            format!("  · {} · {lang_name}", clean(&s.event, false)),
            core.theme.muted(),
        ),
    ])];
    if !s.question.is_empty() {
        lines.push(Line::from(vec![
            Span::styled(
                format!("{} : ", core.t("report.question")),
                core.theme.muted(),
            ),
            Span::raw(clean(&s.question, false)),
        ]));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
