//! Drawing the themes screen: the buckets on the left (unsorted, then each
//! theme with its count), the selected bucket's items on the right, marked
//! ones ticked.

use super::{Pane, ThemesState};
use crate::tui::core::Core;
use crate::tui::screens::scroll_to;
use crate::tui::text::{clean, truncate, width};
use crate::tui::widgets::screen_title;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

pub fn render(s: &ThemesState, core: &Core, area: Rect, buf: &mut Buffer) {
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    screen_title(core, "themes.heading", &s.data.session.title, head, buf);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(36), Constraint::Percentage(64)]).areas(body);
    buckets(s, core, left, buf);
    items(s, core, right, buf);
}

/// The unsorted bucket's label: with the stage's title when there is one.
fn unsorted_label(s: &ThemesState, core: &Core) -> String {
    match s.stage.and_then(|id| s.data.stage(id)) {
        Some(stage) => crate::i18n::tf(
            core.lang,
            "themes.unsorted_of",
            &[("stage", &clean(&stage.title, false))],
        ),
        None => core.t("themes.unsorted").to_string(),
    }
}

fn buckets(s: &ThemesState, core: &Core, area: Rect, buf: &mut Buffer) {
    let theme = &core.theme;
    let block = Block::bordered()
        .title(format!(" {} ", core.t("themes.list")))
        .border_style(theme.border(s.pane == Pane::Themes));
    let inner = block.inner(area);
    block.render(area, buf);
    let columns = inner.width as usize;
    let mut rows: Vec<(String, usize)> = vec![(unsorted_label(s, core), s.unsorted().len())];
    let index = s.data.index();
    let live = |id: &crate::model::Id| {
        index
            .get(id)
            .is_some_and(|&i| s.data.contributions[i].is_live())
    };
    for t in s.themes() {
        let count = t.items.iter().filter(|id| live(id)).count();
        rows.push((clean(&t.name, false), count));
    }
    let height = inner.height as usize;
    let offset = scroll_to(s.bucket_offset.get(), s.bucket, height);
    s.bucket_offset.set(offset);
    let mut lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, (name, count))| {
            let count = format!(" {count}");
            let name = truncate(name, columns.saturating_sub(width(&count) + 1));
            let pad = columns.saturating_sub(width(&name) + width(&count));
            let style = if i == 0 {
                theme.muted()
            } else {
                ratatui::style::Style::default()
            };
            let line = Line::from(vec![
                Span::styled(name, style),
                Span::raw(" ".repeat(pad)),
                Span::styled(count, theme.muted()),
            ]);
            if i == s.bucket {
                line.style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    if rows.len() == 1 && height > 2 {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            truncate(core.t("themes.no_theme"), columns),
            theme.muted(),
        )));
    }
    Paragraph::new(lines).render(inner, buf);
}

fn items(s: &ThemesState, core: &Core, area: Rect, buf: &mut Buffer) {
    let theme = &core.theme;
    // Kind labels are the interface's words, whatever the session's language.
    let lang = core.lang;
    let name = match s.theme() {
        Some(t) => clean(&t.name, false),
        None => unsorted_label(s, core),
    };
    let marked = if s.marked.is_empty() {
        String::new()
    } else {
        let n = s.marked.len();
        format!("· {} ", crate::i18n::tn(core.lang, "themes.marked", n, &[]))
    };
    let block = Block::bordered()
        .title(format!(" {} {marked}", truncate(&name, 40)))
        .border_style(theme.border(s.pane == Pane::Items));
    let inner = block.inner(area);
    block.render(area, buf);
    let list = s.items();
    if list.is_empty() {
        let line = Line::from(Span::styled(core.t("themes.empty_bucket"), theme.muted()));
        Paragraph::new(line).render(inner, buf);
        return;
    }
    let columns = inner.width as usize;
    let height = inner.height as usize;
    let offset = scroll_to(s.item_offset.get(), s.item, height);
    s.item_offset.set(offset);
    let focused = s.pane == Pane::Items;
    // Sub-points show their nesting, as in the run screen's list.
    let tree = crate::model::Tree::new(&s.data);
    let depths: std::collections::HashMap<crate::model::Id, usize> = s
        .data
        .stages
        .iter()
        .flat_map(|st| tree.walk_stage(st.id))
        .map(|(c, depth)| (c.id, depth.min(crate::model::MAX_DEPTH)))
        .collect();
    let lines: Vec<Line> = list
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, c)| {
            let mark = if s.marked.contains(&c.id) {
                "[x] "
            } else {
                "[ ] "
            };
            let kind = format!("{} ", c.kind.label(lang));
            let who = c
                .participant_id
                .and_then(|p| s.data.participant(p))
                .map(|p| format!(" — {}", clean(&p.name, false)))
                .unwrap_or_default();
            let indent = "  ".repeat(depths.get(&c.id).copied().unwrap_or(0));
            let room = columns.saturating_sub(width(mark) + width(&indent) + width(&kind));
            let text = truncate(&format!("{}{who}", clean(&c.text, false)), room);
            let line = Line::from(vec![
                Span::styled(mark, theme.key()),
                Span::raw(indent),
                Span::styled(kind, theme.kind()),
                Span::raw(text),
            ]);
            if i == s.item && focused {
                line.style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}
