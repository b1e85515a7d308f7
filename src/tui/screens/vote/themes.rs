//! The vote screen's ranking view, when the session has themes: beside the
//! items' ranking, the themes ranked by their items' dots, ties shown.
//! Drawn only while the counts are shown.

use super::VoteState;
use crate::i18n::tf;
use crate::tui::core::Core;
use crate::tui::text::{clean, truncate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

/// Whether the ranking view shows the themes too.
pub fn shown(s: &VoteState) -> bool {
    s.ranking && s.data.voting.revealed && !s.data.theme_ranking().is_empty()
}

pub fn render(s: &VoteState, core: &Core, area: Rect, buf: &mut Buffer) {
    let theme = &core.theme;
    let block = Block::bordered()
        .title(format!(" {} ", core.t("finish8.themes_by_votes")))
        .border_style(theme.border(false));
    let inner = block.inner(area);
    block.render(area, buf);
    let columns = inner.width as usize;
    let lines: Vec<Line> = s
        .data
        .theme_ranking()
        .iter()
        .take(inner.height as usize)
        .map(|r| {
            let place = if r.tied {
                let rank = r.rank.to_string();
                tf(core.lang, "votes.report_tied", &[("rank", &rank)])
            } else {
                r.rank.to_string()
            };
            let lead = format!("{place:<13}");
            let dots = format!("{:>3} ", r.dots);
            let room = columns.saturating_sub(lead.chars().count() + dots.len());
            Line::from(vec![
                Span::raw(lead),
                Span::styled(dots, theme.accent()),
                Span::raw(truncate(&clean(&r.item.name, false), room.max(1))),
            ])
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}
