//! Drawing the versions screen: the versions with their remarks and
//! sign-offs, or the diff between two versions in their place.

use super::{Row, VersionsState};
use crate::i18n::tf;
use crate::report::{local_time, version_title};
use crate::tui::core::Core;
use crate::tui::text::{clean, truncate};
use crate::tui::widgets::screen_title;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

pub fn render(s: &VersionsState, core: &Core, area: Rect, buf: &mut Buffer) {
    let theme = &core.theme;
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    screen_title(
        core,
        "cycle.versions_title",
        &s.data.session.title,
        head,
        buf,
    );
    if let Some(panel) = &s.diff {
        let block = Block::bordered()
            .border_style(theme.border(true))
            .title(clean(&panel.title, false));
        let lines: Vec<Line> = panel
            .lines
            .iter()
            .skip(panel.offset)
            .map(|l| {
                let text = clean(l, false);
                match l.trim_start().chars().next() {
                    Some('+') => Line::from(Span::styled(text, theme.accent())),
                    Some('-') => Line::from(Span::styled(text, theme.muted())),
                    Some('~' | '→') => Line::from(text),
                    _ => Line::from(Span::styled(text, theme.heading())),
                }
            })
            .collect();
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .render(body, buf);
        return;
    }
    let block = Block::bordered().border_style(theme.border(true));
    let mut inner = block.inner(body);
    block.render(body, buf);
    // A selected remark reads in full below the list, wrapped: the list
    // shows it on one line, cut at the screen's edge.
    let remark = match s.rows.get(s.selected) {
        Some(Row::Feedback(id)) => s.data.review.feedback.iter().find(|f| f.id == *id),
        _ => None,
    };
    if let Some(f) = remark.filter(|_| inner.height > 8) {
        let [list, detail] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(5)]).areas(inner);
        inner = list;
        let text = clean(&f.text, false);
        Paragraph::new(text)
            .block(Block::default().borders(ratatui::widgets::Borders::TOP))
            .wrap(Wrap { trim: false })
            .render(detail, buf);
    }
    if s.rows.is_empty() {
        let hint = Span::styled(core.t("cycle.none_yet").to_string(), theme.muted());
        Paragraph::new(Line::from(hint))
            .wrap(Wrap { trim: false })
            .render(inner, buf);
        return;
    }
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

fn line<'a>(s: &VersionsState, core: &Core, row: Row, selected: bool) -> Line<'a> {
    let theme = &core.theme;
    let log = &s.data.review;
    let mark = if selected { "▶ " } else { "  " };
    match row {
        Row::Version(id) => {
            let Some(v) = log.version_by_id(id) else {
                return Line::default();
            };
            let mut spans = vec![
                Span::raw(mark.to_string()),
                Span::styled(
                    version_title(core.lang, v.number, v.validated),
                    theme.heading(),
                ),
                Span::styled(
                    format!(
                        " · {} · sha256 {}",
                        local_time(core.lang, &v.published_at),
                        &v.sha256[..12.min(v.sha256.len())]
                    ),
                    theme.muted(),
                ),
            ];
            if !v.note.is_empty() {
                spans.push(Span::raw(format!(" · {}", one_line(&v.note))));
            }
            if s.marked == Some(v.number) {
                spans.push(Span::styled(" ◆", theme.accent()));
            }
            Line::from(spans)
        }
        Row::Feedback(id) => {
            let Some(f) = log.feedback.iter().find(|f| f.id == id) else {
                return Line::default();
            };
            let applied = f.applied_at.is_some();
            let mut spans = vec![Span::raw(format!(
                "{mark}    {} {}",
                if applied { "✓" } else { "☐" },
                one_line(&f.name)
            ))];
            if !f.section.is_empty() {
                let label = crate::report::section_label(s.data.session.language, &f.section);
                spans.push(Span::styled(format!(" [{label}]"), theme.muted()));
            }
            let about =
                (f.contribution_id).and_then(|id| s.data.contributions.iter().find(|c| c.id == id));
            if let Some(c) = about {
                let text = truncate(&one_line(&c.text), 30);
                spans.push(Span::styled(format!(" [« {text} »]"), theme.muted()));
            }
            let colon = crate::i18n::colon(core.lang);
            spans.push(Span::raw(format!("{colon}{}", one_line(&f.text))));
            if applied {
                let label = format!(" ({})", core.t("cycle.applied_mark"));
                spans.push(Span::styled(label, theme.accent()));
            }
            Line::from(spans)
        }
        Row::SignOff(id) => {
            let sign_off = log.sign_offs.iter().find(|x| x.id == id);
            let name = sign_off.map(|x| one_line(&x.name)).unwrap_or_default();
            let date = sign_off
                .map(|x| crate::report::sign_off_date(core.lang, x))
                .unwrap_or_default();
            let args = [("name", name.as_str()), ("date", &date)];
            let text = tf(core.lang, "cycle.signed_line", &args);
            Line::from(format!("{mark}    ✔ {text}"))
        }
    }
}

/// A stored text on one screen line, without control characters.
fn one_line(text: &str) -> String {
    truncate(&clean(&text.replace(['\n', '\r'], " "), false), 200)
}
