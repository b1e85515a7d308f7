//! Drawing the synthesis screen: the synthesis on the left, the session's
//! contributions on the right.

use super::{Pane, SynthesisState};
use crate::i18n::tf;
use crate::model::SynthesisPart;
use crate::tui::core::Core;
use crate::tui::text::{clean, truncate, width, wrap};
use crate::tui::widgets::screen_title;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

pub fn render(s: &SynthesisState, core: &Core, area: Rect, buf: &mut Buffer) {
    let theme = &core.theme;
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    screen_title(core, "synthesis.heading", &s.data.session.title, head, buf);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)]).areas(body);
    let [text_area, blocks_area, proposal_area] = Layout::vertical([
        Constraint::Percentage(34),
        Constraint::Percentage(36),
        Constraint::Percentage(30),
    ])
    .areas(left);
    let syn = &s.data.synthesis;
    // Pane titles and kind labels are the interface's words (`--lang`),
    // whatever the session's language: only the report speaks that.
    let lang = core.lang;
    let boxed = |title: &str, pane: Pane| {
        Block::bordered()
            .title(format!(" {title} "))
            .border_style(theme.border(s.pane == pane))
    };
    let paragraph = |text: &str| {
        if text.trim().is_empty() {
            Paragraph::new(Span::styled(core.t("synthesis.empty"), theme.muted()))
        } else {
            Paragraph::new(clean(text, true))
        }
    };
    // A part that builds on contributions says on how many.
    let titled = |key: &str, part: SynthesisPart| {
        let title = crate::i18n::t(lang, key);
        match syn.sources(part).len() {
            0 => title.to_string(),
            n => format!(
                "{title} · {}",
                tf(lang, "finish8.builds_on", &[("n", &n.to_string())])
            ),
        }
    };
    paragraph(&syn.text)
        .wrap(Wrap { trim: false })
        .block(boxed(
            &titled("report.synthesis", SynthesisPart::Text),
            Pane::Text,
        ))
        .render(text_area, buf);
    let blocks_title = crate::report::blocks_heading(lang, syn.blocks.len());
    let block = boxed(&blocks_title, Pane::Blocks);
    let inner = block.inner(blocks_area);
    block.render(blocks_area, buf);
    let lines: Vec<Line> = if syn.blocks.is_empty() {
        vec![Line::from(Span::styled(
            core.t("synthesis.no_blocks"),
            theme.muted(),
        ))]
    } else {
        let first = s
            .block
            .saturating_sub(inner.height.saturating_sub(1) as usize);
        syn.blocks
            .iter()
            .enumerate()
            .skip(first)
            .take(inner.height as usize)
            .map(|(i, b)| {
                let text = if b.text.is_empty() {
                    clean(&b.title, false)
                } else {
                    format!(
                        "{}{}{}",
                        clean(&b.title, false),
                        crate::i18n::colon(core.lang),
                        clean(&b.text, false)
                    )
                };
                let mark = match b.sources.len() {
                    0 => String::new(),
                    n => format!(" ↖{n}"),
                };
                let room = (inner.width as usize).saturating_sub(2 + width(&mark));
                let line = Line::from(format!("• {}{mark}", truncate(&text, room)));
                if i == s.block && s.pane == Pane::Blocks {
                    line.style(theme.selected())
                } else {
                    line
                }
            })
            .collect()
    };
    Paragraph::new(lines).render(inner, buf);
    paragraph(&syn.proposal)
        .wrap(Wrap { trim: false })
        .block(boxed(
            &titled("report.proposal", SynthesisPart::Proposal),
            Pane::Proposal,
        ))
        .render(proposal_area, buf);

    let block = boxed(core.t("synthesis.contributions"), Pane::Contributions);
    let inner = block.inner(right);
    block.render(right, buf);
    let rows = inner.height as usize;
    let columns = inner.width as usize;
    let focused = s.pane == Pane::Contributions;
    // Each item takes one line, cut to fit; the selected one is shown
    // whole, wrapped, so what `t`, `b` or `p` will take can be read.
    let item_lines = |i: usize, at: usize, depth: usize| -> Vec<Line<'static>> {
        let Some(c) = s.data.contributions.get(at) else {
            return Vec::new();
        };
        let prefix = format!(
            "{}{} ",
            "  ".repeat(depth),
            if depth == 0 { "•" } else { "◦" }
        );
        let kind = format!("{} ", c.kind.label(lang));
        let lead = width(&prefix) + width(&kind);
        let text = clean(&c.text, false);
        let selected = i == s.item;
        let body: Vec<String> = if selected && focused {
            wrap(&text, columns.saturating_sub(lead).max(1))
        } else {
            vec![truncate(&text, columns.saturating_sub(lead))]
        };
        body.into_iter()
            .enumerate()
            .map(|(n, part)| {
                let line = if n == 0 {
                    Line::from(vec![
                        Span::raw(prefix.clone()),
                        Span::styled(kind.clone(), theme.kind()),
                        Span::raw(part),
                    ])
                } else {
                    Line::from(format!("{}{part}", " ".repeat(lead)))
                };
                if selected && focused {
                    line.style(theme.selected())
                } else {
                    line
                }
            })
            .collect()
    };
    let extra = s
        .items
        .get(s.item)
        .map(|(at, depth)| item_lines(s.item, *at, *depth).len().saturating_sub(1))
        .unwrap_or(0);
    let offset =
        crate::tui::screens::scroll_to(s.offset.get(), s.item, rows.saturating_sub(extra).max(1));
    s.offset.set(offset);
    let lines: Vec<Line> = s
        .items
        .iter()
        .enumerate()
        .skip(offset)
        .flat_map(|(i, (at, depth))| item_lines(i, *at, *depth))
        .take(rows)
        .collect();
    Paragraph::new(lines).render(inner, buf);
    super::sources::render(s, core, body, buf);
}
