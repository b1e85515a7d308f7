//! Drawing review & export: the report preview and the files written.

use super::{Look, ReviewState};
use crate::tui::core::Core;
use crate::tui::text::{clean, wrap};
use crate::tui::widgets::screen_title;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};
use std::path::PathBuf;

pub fn render(s: &ReviewState, core: &Core, area: Rect, buf: &mut Buffer) {
    let theme = &core.theme;
    // The archive first, then every report format's file: all fit.
    let written: Vec<&PathBuf> = s.archive.iter().chain(s.exported.iter().rev()).collect();
    let most = crate::report::Format::REPORTS.len() + 1;
    let files = written.len().clamp(1, most) as u16;
    let [head, body, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(files + 2),
    ])
    .areas(area);
    let status = core.t(&format!("report.status.{}", s.data.session.status.key()));
    let title = format!("{} · {status}", s.data.session.title);
    screen_title(core, "review.heading", &title, head, buf);
    let block = Block::bordered()
        .title(format!(" {} ", core.t("review.preview")))
        .border_style(theme.border(true));
    let inner = block.inner(body);
    block.render(body, buf);
    let mut y = inner.y;
    for (look, indent, text) in s.paragraphs.iter().skip(s.offset) {
        let style = match look {
            Look::Title => theme.title(),
            Look::Heading => theme.heading(),
            Look::Sub => theme.accent(),
            Look::Muted => theme.muted(),
            Look::Body => Style::default(),
        };
        let pad = "  ".repeat(*indent);
        let room = (inner.width as usize).saturating_sub(pad.len() + 2).max(8);
        for (i, chunk) in wrap(&clean(text, true), room).into_iter().enumerate() {
            if y >= inner.bottom() {
                break;
            }
            let lead = if i == 0 {
                pad.clone()
            } else {
                format!("{pad}  ")
            };
            buf.set_line(
                inner.x,
                y,
                &Line::from(vec![Span::raw(lead), Span::styled(chunk, style)]),
                inner.width,
            );
            y += 1;
        }
        if y >= inner.bottom() {
            break;
        }
    }
    let block = Block::bordered()
        .title(format!(
            " {} — {} ",
            core.t("review.exports"),
            core.export_dir.display()
        ))
        .border_style(theme.border(false));
    let inner = block.inner(foot);
    block.render(foot, buf);
    let lines: Vec<Line> = if written.is_empty() {
        vec![Line::from(Span::styled(
            core.t("review.none_yet"),
            theme.muted(),
        ))]
    } else {
        written
            .iter()
            .take(files as usize)
            .map(|p| {
                // The folder is in the title: each line names the file,
                // its end (id and extension) always in sight.
                let shown = p.strip_prefix(&core.export_dir).unwrap_or(p);
                let room = (inner.width as usize).saturating_sub(2);
                let name = clean(&shown.display().to_string(), false);
                Line::from(Span::styled(
                    format!("✓ {}", cut_middle(&name, room)),
                    theme.ok(),
                ))
            })
            .collect()
    };
    Paragraph::new(lines).render(inner, buf);
}

/// `text` in at most `max` columns, cut in the middle so that both ends
/// stay: "2026-11-28-atelier-6-sess…-e45caf4f.html".
fn cut_middle(text: &str, max: usize) -> String {
    if crate::tui::text::width(text) <= max || max < 5 {
        return crate::tui::text::truncate(text, max);
    }
    let chars: Vec<char> = text.chars().collect();
    let tail_len = (max - 1) / 2;
    let tail: String = chars[chars.len() - tail_len..].iter().collect();
    let head = crate::tui::text::truncate(text, max - tail_len);
    format!("{}{tail}", head)
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_names_keep_both_ends() {
        let name = "2026-11-28-atelier-6-session-1-e45caf4f.archive-complete.json";
        let cut = super::cut_middle(name, 40);
        assert!(cut.starts_with("2026-11-28-atelier"), "{cut}");
        assert!(cut.ends_with("complete.json"), "{cut}");
        assert!(cut.contains('…'));
        assert_eq!(crate::tui::text::width(&cut), 40);
        assert_eq!(super::cut_middle("short.md", 40), "short.md");
    }
}
