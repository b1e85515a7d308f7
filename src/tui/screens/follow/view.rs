//! Drawing the follow-through screen: one list in three sections — the
//! previous session's open actions to review, this session's actions, its
//! decision log.

use super::{FollowState, Row, Section};
use crate::i18n::{short_date, tf};
use crate::model::Action as Todo;
use crate::tui::core::Core;
use crate::tui::text::{clean, truncate};
use crate::tui::widgets::screen_title;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

pub fn render(s: &FollowState, core: &Core, area: Rect, buf: &mut Buffer) {
    let theme = &core.theme;
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    screen_title(core, "follow.heading", &s.data.session.title, head, buf);
    let block = Block::bordered().border_style(theme.border(true));
    let inner = block.inner(body);
    block.render(body, buf);
    let rows = inner.height as usize;
    let offset = super::super::scroll_to(s.offset.get(), s.selected, rows);
    s.offset.set(offset);
    for (i, row) in s.rows.iter().enumerate().skip(offset).take(rows) {
        let y = inner.y + (i - offset) as u16;
        let selected = i == s.selected;
        let line = line(s, core, *row, selected);
        let line = if selected {
            line.style(theme.selected())
        } else {
            line
        };
        buf.set_line(inner.x, y, &line, inner.width);
    }
}

fn line<'a>(s: &FollowState, core: &Core, row: Row, selected: bool) -> Line<'a> {
    let theme = &core.theme;
    let mark = if selected { "▶ " } else { "  " };
    match row {
        Row::Heading(section) => {
            let text = match section {
                Section::CarryOver => tf(
                    core.lang,
                    "follow.section_carry",
                    &[("title", &clean(s.previous.as_deref().unwrap_or(""), false))],
                ),
                Section::Actions => core.t("follow.section_actions").to_string(),
                Section::Decisions => core.t("follow.section_decisions").to_string(),
            };
            Line::from(Span::styled(text, theme.heading()))
        }
        Row::Empty(_) => Line::from(Span::styled(
            format!("  {}", core.t("follow.none")),
            theme.muted(),
        )),
        Row::Carry(id) => match s.carried(id) {
            Some(a) => todo_line(s, core, mark, a, "→"),
            None => Line::default(),
        },
        Row::Action(id) => match s.action(id) {
            Some(a) => todo_line(s, core, mark, a, if a.done { "✓" } else { "☐" }),
            None => Line::default(),
        },
        Row::Decision(id) => {
            let text = s
                .data
                .decisions
                .iter()
                .find(|d| d.id == id)
                .map(|d| one_line(&d.text))
                .unwrap_or_default();
            Line::from(format!("{mark}• {text}"))
        }
    }
}

/// "▶ ☐ What — who · 18/03/2026 (← from the previous session)".
fn todo_line<'a>(s: &FollowState, core: &Core, mark: &str, a: &Todo, box_: &str) -> Line<'a> {
    let lang = s.data.session.language;
    let who = s.who(a);
    let mut spans = vec![Span::raw(format!("{mark}{box_} {}", one_line(&a.text)))];
    let mut meta = Vec::new();
    if !who.trim().is_empty() {
        meta.push(one_line(&who));
    }
    if let Some(d) = a.due {
        meta.push(short_date(lang, d));
    }
    if !meta.is_empty() {
        spans.push(Span::styled(
            format!(" — {}", meta.join(" · ")),
            core.theme.muted(),
        ));
    }
    if a.carried_from.is_some() {
        spans.push(Span::styled(
            format!(" ({})", core.t("follow.carried_mark")),
            core.theme.accent(),
        ));
    }
    Line::from(spans).style(Style::default())
}

/// A stored text on one screen line, without control characters.
fn one_line(text: &str) -> String {
    truncate(&clean(&text.replace(['\n', '\r'], " "), false), 200)
}
