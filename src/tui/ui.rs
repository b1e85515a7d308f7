//! Draws the whole application: the current screen, then any popup or
//! help overlay, and the status and hint lines. Below the minimum size it
//! asks for a bigger window instead of drawing a broken layout.

use super::app::App;
use super::widgets::{help, hints};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use ratatui::Frame;

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 18;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    app.render(area, frame.buffer_mut());
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            too_small(self, area, buf);
            return;
        }
        let [main, status, bar] = Layout::vertical([
            Constraint::Min(3),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        let core = &self.core;
        self.screen.render(core, main, buf);
        if let Some(popup) = &core.popup {
            popup.render(&core.theme, core.lang, main, buf);
        }
        if let Some(scroll) = &core.help {
            help::render(self, scroll, main, buf);
        }
        hints::render_status(self, status, buf);
        hints::render_bar(self, bar, buf);
    }
}

fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let text = vec![
        Line::from(Span::styled(app.t("app.too_small"), app.core.theme.warn())),
        Line::from(format!(
            "{}×{} → {MIN_WIDTH}×{MIN_HEIGHT}",
            area.width, area.height
        )),
    ];
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
