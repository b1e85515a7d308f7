//! Drawing the vote screen: who votes and their dots left, then the items
//! (or the ranking). While the counts are hidden no number about an item
//! is drawn at all; in an anonymous session no item shows whose dots it
//! holds.

use super::VoteState;
use crate::i18n::tf;
use crate::tui::core::Core;
use crate::tui::text::{clean, truncate, width};
use crate::tui::widgets::screen_title;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

/// Columns of the rank in the ranking view ("2 (ex aequo)").
const RANK: usize = 13;

pub fn render(s: &VoteState, core: &Core, area: Rect, buf: &mut Buffer) {
    let theme = &core.theme;
    let [head, status, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Min(3),
    ])
    .areas(area);
    screen_title(core, "votes.heading", &s.data.session.title, head, buf);
    let voting = &s.data.voting;
    let dots = voting.dots_per_participant.to_string();
    let voter = match (s.voter, s.voter_name()) {
        (Some(id), Some(name)) => crate::i18n::tn(
            core.lang,
            "votes.voter_line",
            voting.remaining(id) as usize,
            &[("name", &clean(name, false)), ("dots", &dots)],
        ),
        _ => core.t("votes.no_voter").to_string(),
    };
    let shown = if voting.revealed {
        Span::styled(core.t("votes.counts_shown"), theme.ok())
    } else {
        Span::styled(core.t("votes.counts_hidden"), theme.warn())
    };
    let settings = tf(core.lang, "votes.dots_line", &[("dots", &dots)]);
    Paragraph::new(vec![
        Line::from(Span::styled(voter, theme.heading())),
        Line::from(vec![Span::raw(format!("{settings} · ")), shown]),
    ])
    .render(status, buf);

    // Beside the items' ranking, the themes' (when there are themes).
    let body = if super::themes::shown(s) {
        let [items, themes] =
            Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)])
                .areas(body);
        super::themes::render(s, core, themes, buf);
        items
    } else {
        body
    };
    let title = if s.ranking {
        core.t("votes.ranking_title")
    } else {
        core.t("votes.items_title")
    };
    let block = Block::bordered()
        .title(format!(" {title} "))
        .border_style(theme.border(true));
    let inner = block.inner(body);
    block.render(body, buf);
    if s.items.is_empty() {
        let line = Line::from(Span::styled(core.t("votes.no_items"), theme.muted()));
        Paragraph::new(line).render(inner, buf);
        return;
    }
    if s.ranking && !voting.revealed {
        let line = Line::from(Span::styled(core.t("votes.ranking_hidden"), theme.muted()));
        Paragraph::new(line).render(inner, buf);
        return;
    }
    if s.ranking && s.shown().is_empty() {
        let line = Line::from(Span::styled(core.t("tuifix.ranking_empty"), theme.muted()));
        Paragraph::new(line).render(inner, buf);
        return;
    }
    let rows = inner.height as usize;
    let offset = crate::tui::screens::scroll_to(s.offset.get(), s.item, rows);
    s.offset.set(offset);
    let depths: std::collections::HashMap<_, _> = s.items.iter().copied().collect();
    // Kind labels are the interface's words, whatever the session's language.
    let lang = core.lang;
    let columns = inner.width as usize;
    let lines: Vec<Line> = s
        .shown()
        .into_iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .map(|(i, r)| {
            let Some(c) = s.data.contributions.iter().find(|c| c.id == r.item) else {
                return Line::default();
            };
            let mut spans = Vec::new();
            if s.ranking {
                let place = if r.tied {
                    let rank = r.rank.to_string();
                    tf(core.lang, "votes.report_tied", &[("rank", &rank)])
                } else {
                    r.rank.to_string()
                };
                spans.push(Span::raw(format!("{place:<RANK$}")));
            }
            if voting.revealed {
                spans.push(Span::styled(format!("{:>3} ", r.dots), theme.accent()));
            }
            let depth = if s.ranking { 0 } else { depths[&r.item] };
            let marks = match s.voter {
                // Whose dots an item holds stays unsaid when anonymous.
                Some(v) if voting.revealed && !s.anonymous() => {
                    let mine = voting.dots_of(v, r.item) as usize;
                    format!("{:<4}", "●".repeat(mine.min(4)))
                }
                _ => String::new(),
            };
            spans.push(Span::styled(marks, theme.ok()));
            let lead = format!("{}{} ", "  ".repeat(depth), c.kind.label(lang));
            let used = spans.iter().map(|sp| width(&sp.content)).sum::<usize>() + width(&lead);
            spans.push(Span::styled(lead, theme.kind()));
            let room = columns.saturating_sub(used).max(1);
            spans.push(Span::raw(truncate(&clean(&c.text, false), room)));
            let line = Line::from(spans);
            if i == s.item {
                line.style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}
