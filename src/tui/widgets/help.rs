//! The `?` overlay: every key of the current screen, from the keymap.
//! A long description wraps under itself (never cut at the border), and
//! the rows scroll line by line or by page, so every key can be read on a
//! small terminal.

use super::centered;
use crate::tui::app::App;
use crate::tui::keymap::{bindings, Context};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};
use std::cell::Cell;

/// Where the overlay is scrolled: its first row shown, and how many rows
/// the last draw showed (a page for PgUp/PgDn: `update` does not know the
/// terminal's size; the draw clamps the offset to the last page).
#[derive(Debug, Default)]
pub struct HelpScroll {
    pub offset: Cell<usize>,
    pub page: Cell<usize>,
}

/// Columns of the keys, right-aligned, and the gap after them.
const KEYS: usize = 16;
const GAP: usize = 2;

pub fn lines(app: &App) -> Vec<Line<'static>> {
    let ctx = app.screen_context();
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    let lang = app.core.lang;
    for b in bindings(ctx, lang)
        .into_iter()
        .chain(bindings(Context::GLOBAL, lang))
    {
        let desc = app.t(&format!("key.{}", b.help));
        if seen.iter().any(|s| s == desc) {
            continue;
        }
        seen.push(desc.to_string());
        out.push(Line::from(vec![
            Span::styled(
                right_aligned(&b.keys_label(lang), KEYS),
                app.core.theme.key(),
            ),
            Span::raw(desc),
        ]));
    }
    out
}

/// The help's lines cut into rows of `columns`: a description too long
/// goes on below, aligned with its start.
fn rows(lines: Vec<Line<'static>>, columns: usize) -> Vec<Line<'static>> {
    let room = columns.saturating_sub(KEYS + GAP).max(8);
    let indent = " ".repeat(KEYS + GAP);
    let mut rows = Vec::new();
    for line in lines {
        let [keys, desc] = <[Span; 2]>::try_from(line.spans).expect("a key and its help");
        let mut parts = crate::tui::text::wrap(&desc.content, room).into_iter();
        rows.push(Line::from(vec![
            keys,
            Span::raw(parts.next().unwrap_or_default()),
        ]));
        rows.extend(parts.map(|rest| Line::from(format!("{indent}{rest}"))));
    }
    rows
}

pub fn render(app: &App, scroll: &HelpScroll, area: Rect, buf: &mut Buffer) {
    let width = area.width.min(64);
    let all = rows(lines(app), width.saturating_sub(2) as usize);
    let offset = &scroll.offset;
    let height = (all.len() as u16 + 2)
        .min(area.height.saturating_sub(2))
        .max(3);
    let rect = centered(area, width, height);
    Clear.render(rect, buf);
    let visible = rect.height.saturating_sub(2) as usize;
    scroll.page.set(visible.max(1));
    let max_offset = all.len().saturating_sub(visible);
    offset.set(offset.get().min(max_offset));
    let more = if all.len() > visible {
        format!(
            " ({}–{}/{}, ↑↓)",
            offset.get() + 1,
            (offset.get() + visible).min(all.len()),
            all.len()
        )
    } else {
        String::new()
    };
    let title = format!(" {}{more} — {} ", app.t("help.title"), app.t("help.close"));
    let block = Block::bordered()
        .title(title)
        .border_style(app.core.theme.border(true));
    let shown: Vec<Line> = all.into_iter().skip(offset.get()).take(visible).collect();
    Paragraph::new(shown).block(block).render(rect, buf);
}

/// `text` right-aligned in `columns` display columns (format's `{:>16}`
/// counts characters, which misaligns wide ones), then a gap.
fn right_aligned(text: &str, columns: usize) -> String {
    let pad = columns.saturating_sub(crate::tui::text::width(text));
    format!("{}{text}{}", " ".repeat(pad), " ".repeat(GAP))
}

#[cfg(test)]
mod tests {
    #[test]
    fn keys_align_by_display_width() {
        assert_eq!(super::right_aligned("Échap", 8), "   Échap  ");
        assert_eq!(super::right_aligned("漢字", 6), "  漢字  ");
        assert_eq!(
            super::right_aligned("a long label here", 4),
            "a long label here  "
        );
    }
}
