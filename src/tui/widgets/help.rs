//! The `?` overlay: every key of the current screen, from the keymap.

use super::centered;
use crate::tui::app::App;
use crate::tui::keymap::{bindings, Context};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};
use std::cell::Cell;

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
            Span::styled(format!("{:>16}  ", b.keys_label()), app.core.theme.key()),
            Span::raw(desc),
        ]));
    }
    out
}

pub fn render(app: &App, offset: &Cell<usize>, area: Rect, buf: &mut Buffer) {
    let all = lines(app);
    let height = (all.len() as u16 + 2)
        .min(area.height.saturating_sub(2))
        .max(3);
    let rect = centered(area, 64, height);
    Clear.render(rect, buf);
    let visible = rect.height.saturating_sub(2) as usize;
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
