//! How search draws: the words typed, then the hits under their session's
//! heading, the matched words highlighted. Every stored text is cleaned
//! before it is drawn.

use super::{Row, SearchState};
use crate::store::Hit;
use crate::tui::core::Core;
use crate::tui::screens::scroll_to;
use crate::tui::text::{clean, truncate};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

pub fn render(s: &SearchState, core: &Core, area: Rect, buf: &mut Buffer) {
    let theme = &core.theme;
    let [head, query_area, list_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
    ])
    .areas(area);
    Paragraph::new(Line::from(vec![
        Span::styled("Atelier", theme.title()),
        Span::styled(
            format!(" — {} ({})", core.t("search.title"), s.hits.len()),
            theme.heading(),
        ),
    ]))
    .render(head, buf);
    Paragraph::new(Line::from(vec![
        Span::styled("? ", theme.key()),
        Span::raw(clean(&s.query, false)),
        Span::styled("▏", theme.accent()),
    ]))
    .render(query_area, buf);

    let block = Block::bordered().border_style(theme.border(true));
    if s.hits.is_empty() {
        let text = if s.query.trim().is_empty() {
            core.t("search.hint")
        } else {
            core.t("search.none")
        };
        Paragraph::new(Span::styled(text, theme.muted()))
            .block(block)
            .wrap(Wrap { trim: true })
            .render(list_area, buf);
        return;
    }
    let inner = block.inner(list_area);
    block.render(list_area, buf);
    let rows = inner.height as usize;
    let offset = scroll_to(s.offset.get(), s.selected_row(), rows);
    s.offset.set(offset);
    let width = inner.width as usize;
    let lines: Vec<Line> = s
        .rows
        .iter()
        .skip(offset)
        .take(rows)
        .map(|row| match *row {
            Row::Session(i) => session_line(s, &s.hits[i], width, core),
            Row::Hit(i) => hit_line(&s.hits[i], i == s.selected, width, core),
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}

fn session_line(s: &SearchState, hit: &Hit, width: usize, core: &Core) -> Line<'static> {
    let mut text = format!("{}  {}", hit.date.format("%Y-%m-%d"), hit.title);
    if !hit.event.is_empty() {
        text.push_str(&format!(" — {}", hit.event));
    }
    if let Some(id) = s.prefixes.get(&hit.session) {
        text.push_str(&format!("  ({id})"));
    }
    Line::from(Span::styled(
        truncate(&clean(&text, false), width),
        core.theme.heading(),
    ))
}

/// `  › place  snippet…`, the matches highlighted, cut to the width.
fn hit_line(hit: &Hit, selected: bool, width: usize, core: &Core) -> Line<'static> {
    let theme = &core.theme;
    let marker = if selected { "  › " } else { "    " };
    let place = format!("{marker}{}  ", clean(&hit.place(core.lang), false));
    let mut left = width.saturating_sub(crate::tui::text::width(&place));
    let mut spans = vec![Span::styled(place, theme.muted())];
    for piece in &hit.snippet {
        if left == 0 {
            break;
        }
        let text = truncate(&clean(&piece.text.replace(['\n', '\r'], " "), false), left);
        left = left.saturating_sub(crate::tui::text::width(&text));
        let style = if piece.matched {
            theme.accent().add_modifier(Modifier::BOLD)
        } else {
            Style::default()
        };
        spans.push(Span::styled(text, style));
    }
    let line = Line::from(spans);
    if selected {
        line.style(theme.selected())
    } else {
        line
    }
}
