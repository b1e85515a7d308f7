//! How home draws: the session table with its details below.

use super::HomeState;
use crate::model::Lang;
use crate::store::SessionSummary;
use crate::tui::core::Core;
use crate::tui::screens::scroll_to;
use crate::tui::text::{clean, truncate};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell as TableCell, Paragraph, Row, Table, Widget, Wrap};

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
    let lines = lines(&visible);
    let at = lines
        .iter()
        .position(|l| *l == Listed::Session(s.selected))
        .unwrap_or(0);
    let offset = scroll_to(s.offset.get(), at, inner_rows);
    s.offset.set(offset);
    let wide = area.width >= 100;
    let title_width = if wide {
        area.width as usize - 62
    } else {
        area.width as usize - 40
    };
    let steps = super::groups::steps(&visible);
    let rows: Vec<Row> = lines
        .iter()
        .skip(offset)
        .take(inner_rows)
        .map(|line| match *line {
            Listed::Event(i) => event_row(visible[i], core),
            Listed::Session(i) => {
                let shown = Shown {
                    room: room_marker(s, core, visible[i].id),
                    selected: i == s.selected,
                    step: steps[&visible[i].id],
                    wide,
                    title_width,
                };
                session_row(visible[i], core, shown)
            }
        })
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

/// A line of the table: an event's heading (named after its first
/// session's event) or a session, by its place in the visible list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Listed {
    Event(usize),
    Session(usize),
}

/// The table's lines: a heading above each event's sessions, once some
/// session has an event (a list without events reads as before).
fn lines(visible: &[&SessionSummary]) -> Vec<Listed> {
    let headed = visible.iter().any(|s| !s.event.trim().is_empty());
    let mut lines = Vec::new();
    for (i, s) in visible.iter().enumerate() {
        if headed && (i == 0 || visible[i - 1].event.trim() != s.event.trim()) {
            lines.push(Listed::Event(i));
        }
        lines.push(Listed::Session(i));
    }
    lines
}

fn event_row<'a>(s: &SessionSummary, core: &Core) -> Row<'a> {
    let name = match s.event.trim() {
        "" => core.t("search.no_event").to_string(),
        event => clean(event, false),
    };
    Row::new(vec![TableCell::from(Span::styled(
        name,
        core.theme.accent(),
    ))])
}

/// Phones can still send input to this session: the marker on its line,
/// for the app's own room or one another program serves.
fn room_marker(s: &HomeState, core: &Core, session: crate::model::Id) -> Option<&'static str> {
    if crate::tui::room_panel::open_session(core) == Some(session) {
        Some(core.t("room.home_marker"))
    } else if s.served_elsewhere(session, (core.clock)()).is_some() {
        Some(core.t("room.home_marker_elsewhere"))
    } else {
        None
    }
}

/// The status line for a room another program serves.
pub fn elsewhere_status(core: &Core, title: &str, url: &str) -> String {
    crate::i18n::tf(
        core.lang,
        "room.home_status_elsewhere",
        &[
            ("title", &truncate(&clean(title, false), 16)),
            ("url", &clean(url, false)),
        ],
    )
}

/// How a session's line is drawn.
struct Shown {
    room: Option<&'static str>,
    selected: bool,
    step: super::groups::Step,
    wide: bool,
    title_width: usize,
}

fn session_row<'a>(s: &SessionSummary, core: &Core, shown: Shown) -> Row<'a> {
    let Shown {
        room,
        selected,
        step,
        wide,
        title_width,
    } = shown;
    let status = core.t(&format!("report.status.{}", s.status.key()));
    let marker = if selected { "› " } else { "  " };
    // A workshop's later sessions sit under its first, step by step.
    let indent = "  ".repeat(step.depth.min(4));
    let mut title = format!("{marker}{indent}{}", clean(&s.title, false));
    if s.archived {
        title.push_str(&format!(" [{}]", core.t("home.archived_tag")));
    }
    let open_room = room.map(|marker| format!(" {marker}"));
    let marker_width = open_room.as_deref().map_or(0, crate::tui::text::width);
    let title_width = title_width.saturating_sub(marker_width);
    let mut title_line = vec![Span::raw(truncate(&title, title_width))];
    if let Some(open_room) = open_room {
        title_line.push(Span::styled(open_room, core.theme.accent()));
    }
    let room = title_width.saturating_sub(crate::tui::text::width(&title) + 3);
    if step.in_workshop && !s.proposal.trim().is_empty() && room > 4 {
        let proposal = clean(&s.proposal.replace(['\n', '\r'], " "), false);
        title_line.push(Span::styled(
            format!(" → {}", truncate(&proposal, room)),
            core.theme.muted(),
        ));
    }
    let mut cells = vec![
        TableCell::from(Line::from(title_line)),
        TableCell::from(crate::i18n::short_date(core.lang, s.date)),
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
                format!(
                    "{}{}",
                    core.t("report.question"),
                    crate::i18n::colon(core.lang)
                ),
                core.theme.muted(),
            ),
            Span::raw(clean(&s.question, false)),
        ]));
    }
    if !s.proposal.trim().is_empty() {
        lines.push(Line::from(vec![
            Span::styled(
                format!(
                    "{}{}",
                    core.t("search.proposal"),
                    crate::i18n::colon(core.lang)
                ),
                core.theme.muted(),
            ),
            Span::raw(clean(&s.proposal, false)),
        ]));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
