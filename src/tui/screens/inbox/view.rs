//! Drawing the inbox: the two room settings, the waiting inputs one a
//! line (stage, kind, sender, text), and the selected input in full below.

use super::InboxState;
use crate::i18n::tf;
use crate::model::InboxItem;
use crate::tui::core::Core;
use crate::tui::text::{clean, truncate, wrap};
use crate::tui::widgets::screen_title;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

pub fn render(s: &InboxState, core: &Core, area: Rect, buf: &mut Buffer) {
    let theme = &core.theme;
    let [head, settings, body, detail] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(6),
    ])
    .areas(area);
    screen_title(core, "inbox.heading", &s.data.session.title, head, buf);
    settings_line(s, core).render(settings, buf);

    let n = s.items.len().to_string();
    let block = Block::bordered().border_style(theme.border(true)).title(tf(
        core.lang,
        "inbox.waiting",
        &[("n", &n)],
    ));
    let inner = block.inner(body);
    block.render(body, buf);
    if s.items.is_empty() {
        let empty = Span::styled(core.t("inbox.empty"), theme.muted());
        Paragraph::new(empty).render(inner, buf);
    }
    let rows = inner.height as usize;
    let offset = super::super::scroll_to(s.offset.get(), s.selected, rows);
    s.offset.set(offset);
    for (i, item) in s.items.iter().enumerate().skip(offset).take(rows) {
        let y = inner.y + (i - offset) as u16;
        let selected = i == s.selected;
        let line = line(s, core, item, selected, inner.width as usize);
        let line = if selected {
            line.style(theme.selected())
        } else {
            line
        };
        buf.set_line(inner.x, y, &line, inner.width);
    }

    let block = Block::bordered().border_style(theme.border(false));
    let inner = block.inner(detail);
    block.render(detail, buf);
    if let Some(item) = s.current() {
        let lines: Vec<Line> = wrap(&clean(&item.text, true), inner.width.max(1) as usize)
            .into_iter()
            .map(Line::from)
            .collect();
        Paragraph::new(lines).render(inner, buf);
    }
}

/// "Everything straight in: off (A) · Contributions shown to the room: on (S)".
fn settings_line<'a>(s: &InboxState, core: &Core) -> Line<'a> {
    let word = |on: bool| core.t(if on { "inbox.on" } else { "inbox.off" });
    let text = tf(
        core.lang,
        "inbox.settings_line",
        &[
            ("accept_all", word(s.settings.accept_all)),
            ("show_items", word(s.settings.show_items)),
        ],
    );
    Line::from(Span::styled(text, core.theme.muted()))
}

/// "▶ Constats · Observation · Ana — the text".
fn line<'a>(
    s: &InboxState,
    core: &Core,
    item: &InboxItem,
    selected: bool,
    width: usize,
) -> Line<'a> {
    let mark = if selected { "▶ " } else { "  " };
    let stage = s
        .data
        .stages
        .iter()
        .find(|st| st.id == item.stage_id)
        .map(|st| truncate(&clean(&st.title, false), 20))
        .unwrap_or_default();
    let who = crate::cli::inbox::sender(&s.data, item, core.lang);
    let meta = format!(
        "{mark}{stage} · {} · {} — ",
        item.kind.label(core.lang),
        truncate(&clean(&who, false), 24)
    );
    // A kept correction is said after the text, which gives it room.
    let draft = if s.drafts.contains_key(&item.id) {
        format!(" ({})", core.t("inbox.draft_mark"))
    } else {
        String::new()
    };
    let used = crate::tui::text::width(&meta) + crate::tui::text::width(&draft);
    let room = width.saturating_sub(used).max(1);
    let text = truncate(&clean(&item.text.replace(['\n', '\r'], " "), false), room);
    Line::from(vec![
        Span::styled(meta, core.theme.muted()),
        Span::raw(text),
        Span::styled(draft, core.theme.accent()),
    ])
}
