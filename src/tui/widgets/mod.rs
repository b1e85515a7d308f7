//! Small drawing pieces shared by the screens.

pub mod editor;
pub mod help;
pub mod hints;
pub mod qr;

use ratatui::layout::{Constraint, Flex, Layout, Rect};

/// A rectangle of at most `width`×`height` centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}

/// The first line of a screen: its name, then the session's title.
pub fn screen_title(
    core: &crate::tui::core::Core,
    heading_key: &str,
    title: &str,
    area: Rect,
    buf: &mut ratatui::buffer::Buffer,
) {
    use ratatui::text::{Line, Span};
    use ratatui::widgets::{Paragraph, Widget};
    let title = crate::tui::text::clean(title, false);
    Paragraph::new(Line::from(vec![
        Span::styled(core.t(heading_key), core.theme.title()),
        Span::styled(format!("  {title}"), core.theme.heading()),
    ]))
    .render(area, buf);
}
