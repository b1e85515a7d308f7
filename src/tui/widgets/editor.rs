//! Text boxes built on ratatui-textarea, configured the same everywhere.

use crate::tui::text::clean;
use crate::tui::theme::Theme;
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{TextArea, WrapMode};

/// A text box holding `text`, cursor at the end, soft-wrapped.
pub fn textarea(text: &str, placeholder: &str, theme: &Theme) -> TextArea<'static> {
    let lines: Vec<String> = if text.is_empty() {
        vec![String::new()]
    } else {
        text.split('\n').map(str::to_string).collect()
    };
    let mut ta = TextArea::new(lines);
    ta.set_wrap_mode(WrapMode::WordOrGlyph);
    ta.set_placeholder_text(placeholder.to_string());
    ta.set_placeholder_style(theme.muted());
    ta.set_cursor_line_style(Style::default());
    ta.set_cursor_style(Style::default().add_modifier(Modifier::REVERSED));
    ta.move_cursor(ratatui_textarea::CursorMove::Bottom);
    ta.move_cursor(ratatui_textarea::CursorMove::End);
    ta
}

/// The text typed, lines joined.
pub fn text_of(ta: &TextArea) -> String {
    ta.lines().join("\n")
}

/// Inserts pasted text without control characters (newlines kept only when
/// the box is multi-line).
pub fn paste(ta: &mut TextArea, pasted: &str, multi_line: bool) {
    let text = clean(
        &pasted.replace("\r\n", "\n").replace('\r', "\n"),
        multi_line,
    );
    ta.insert_str(text);
}
