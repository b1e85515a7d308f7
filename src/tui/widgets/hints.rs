//! The bottom bar: the few keys that matter now (from the keymap), or the
//! latest status message.

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::core::Tone;
use crate::tui::keymap::bindings;
use crate::tui::popup::Popup;
use crate::tui::text::{clean, width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

/// As many of the context's bar keys as fit, in keymap order, leaving out
/// what cannot be done now; the help key always stays visible, since it
/// leads to all the others.
pub fn render_bar(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.core.theme;
    let entries: Vec<(String, &str, bool)> = bindings(app.context(), app.core.lang)
        .into_iter()
        .filter(|b| b.bar && app.can(&b.action))
        .map(|b| {
            let is_help = b.action == Action::Help;
            let text = match (&app.core.popup, &b.action) {
                (Some(Popup::Editor(e)), Action::Submit) => e.submit.unwrap_or(b.bar_text()),
                _ => b.bar_text(),
            };
            (
                b.short_label(app.core.lang),
                app.t(&format!("key.{text}")),
                is_help,
            )
        })
        .collect();
    let cost = |(k, d, _): &(String, &str, bool)| width(k) + width(d) + 4;
    let reserved: usize = entries.iter().filter(|e| e.2).map(cost).sum();
    let mut room = (area.width as usize).saturating_sub(reserved);
    let mut spans = Vec::new();
    for entry in &entries {
        if !entry.2 {
            if cost(entry) > room {
                continue;
            }
            room -= cost(entry);
        }
        if !spans.is_empty() {
            spans.push(Span::styled(" · ", theme.muted()));
        }
        spans.push(Span::styled(entry.0.clone(), theme.key()));
        spans.push(Span::raw(" "));
        spans.push(Span::raw(entry.1));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}

/// The latest message; with none, a reminder of the open room where the
/// screen does not show it (the room belongs to the app, not a screen).
pub fn render_status(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(status) = &app.core.status else {
        let reminder = crate::tui::room_panel::reminder(&app.core, app.screen.session())
            .or_else(|| app.screen.status_note(&app.core));
        if let Some(text) = reminder {
            let line = Span::styled(clean(&text, false), app.core.theme.accent());
            Paragraph::new(Line::from(line)).render(area, buf);
        }
        return;
    };
    let style = match status.tone {
        Tone::Info => app.core.theme.muted(),
        Tone::Success => app.core.theme.ok(),
        Tone::Error => app.core.theme.error(),
    };
    let text = clean(&status.text, false);
    Paragraph::new(Line::from(Span::styled(text, style))).render(area, buf);
}
