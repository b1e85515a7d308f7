//! Dialogs over the current screen: a yes/no question, a list to pick
//! from (type to filter, digits to choose), and a text editor.

use super::action::Action;
use super::keymap::Context;
use super::text::{clean, truncate, width};
use super::theme::Theme;
use super::widgets::{centered, editor};
use crate::model::Id;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};
use ratatui_textarea::TextArea;
use std::any::Any;

/// What a dialog's answer is for, in the terms of the screen that opened
/// it: each screen has its own enum of purposes, and gets it back typed
/// (`purpose.take::<SetupEdit>()`) with the answer.
pub struct Purpose(Box<dyn Any>);

impl Purpose {
    pub fn new<T: Any>(purpose: T) -> Purpose {
        Purpose(Box::new(purpose))
    }

    pub fn get<T: Any>(&self) -> Option<&T> {
        self.0.downcast_ref()
    }

    pub fn take<T: Any>(self) -> Option<T> {
        self.0.downcast().ok().map(|b| *b)
    }
}

impl std::fmt::Debug for Purpose {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Purpose")
    }
}

/// What a yes/no question is about.
#[derive(Debug)]
pub enum Question {
    /// Leaving the app with text not yet recorded.
    Quit,
    /// A question of the current screen's.
    Screen(Purpose),
    /// Closing an editor whose text was changed: the editor waits under
    /// the question, whole, in case the answer is no.
    Discard,
}

pub struct Picker {
    pub title: String,
    /// (value, label) pairs; the value is an id or an index.
    pub items: Vec<(Option<Id>, String)>,
    pub filter: String,
    pub selected: usize,
    /// Digits choose items by their number (0 is the first item).
    pub numbered: bool,
    pub purpose: Purpose,
}

impl Picker {
    /// Items matching the filter, with their index in `items`.
    pub fn visible(&self) -> Vec<(usize, &(Option<Id>, String))> {
        let f = self.filter.to_lowercase();
        self.items
            .iter()
            .enumerate()
            .filter(|(_, (_, label))| f.is_empty() || label.to_lowercase().contains(&f))
            .collect()
    }

    pub fn chosen(&self) -> Option<usize> {
        self.visible().get(self.selected).map(|(i, _)| *i)
    }

    pub fn type_char(&mut self, c: char) -> Option<usize> {
        if self.numbered && self.filter.is_empty() {
            if let Some(d) = c.to_digit(10) {
                let i = d as usize;
                return (i < self.items.len()).then_some(i);
            }
        }
        self.filter.push(c);
        self.selected = 0;
        None
    }

    pub fn backspace(&mut self) {
        self.filter.pop();
        self.selected = 0;
    }

    pub fn move_by(&mut self, delta: isize) {
        let n = self.visible().len();
        if n == 0 {
            return;
        }
        self.selected = (self.selected as isize + delta).clamp(0, n as isize - 1) as usize;
    }
}

pub struct Editor {
    pub title: String,
    pub hint: String,
    pub textarea: TextArea<'static>,
    pub purpose: Purpose,
    pub multi_line: bool,
    /// The hint bar's word for Enter when "save" does not fit (an i18n
    /// key under `key.`, e.g. `import` for a path to import).
    pub submit: Option<&'static str>,
    /// The text it opened with, to know whether anything was typed.
    pub original: String,
}

impl Editor {
    pub fn new(
        title: String,
        hint: String,
        text: &str,
        purpose: Purpose,
        multi_line: bool,
        theme: &Theme,
    ) -> Editor {
        Editor {
            title,
            hint,
            textarea: editor::textarea(text, "", theme),
            purpose,
            multi_line,
            submit: None,
            original: text.to_string(),
        }
    }

    pub fn text(&self) -> String {
        editor::text_of(&self.textarea)
    }
}

pub enum Popup {
    /// A yes/no question. `lost` is what "yes" throws away for good (the
    /// first line of a typed text, a session's title): when it is set the
    /// dialog shows it, Enter keeps it and only the explicit yes key
    /// destroys (a facilitator pressing Esc then Enter by habit loses
    /// nothing).
    Confirm {
        message: String,
        question: Question,
        lost: Option<String>,
    },
    Picker(Picker),
    Editor(Box<Editor>),
}

impl Popup {
    pub fn context(&self) -> Context {
        match self {
            Popup::Confirm { lost: None, .. } => Context::CONFIRM,
            Popup::Confirm { lost: Some(_), .. } => Context::CONFIRM_LOSS,
            Popup::Picker(_) => Context::PICKER,
            Popup::Editor(_) => Context::EDITOR,
        }
    }

    /// Whether printable keys are text in this dialog.
    pub fn takes_text(&self) -> bool {
        !matches!(self, Popup::Confirm { .. })
    }

    pub fn has_text(&self) -> bool {
        match self {
            Popup::Editor(e) => e.text() != e.original,
            _ => false,
        }
    }

    pub fn render(&self, theme: &Theme, lang: crate::model::Lang, area: Rect, buf: &mut Buffer) {
        match self {
            Popup::Confirm { message, lost, .. } => {
                let w = (width(message) as u16 + 4).clamp(24, 70);
                let inner = w as usize - 4;
                let mut text: Vec<Line> = super::text::wrap(&clean(message, true), inner)
                    .into_iter()
                    .map(Line::from)
                    .collect();
                if let Some(lost) = lost {
                    let first = lost.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
                    let shown = truncate(&clean(first.trim(), true), inner.saturating_sub(2));
                    let quoted = crate::i18n::tf(lang, "app.confirm_lost", &[("text", &shown)]);
                    text.push(Line::from(Span::styled(quoted, theme.accent())));
                }
                text.push(Line::from(""));
                text.push(answer_keys(self.context(), lost.is_some(), theme, lang));
                let rect = centered(area, w, text.len() as u16 + 2);
                Clear.render(rect, buf);
                Paragraph::new(text)
                    .block(Block::bordered().border_style(theme.warn()))
                    .render(rect, buf);
            }
            Popup::Picker(p) => render_picker(p, theme, area, buf),
            Popup::Editor(e) => {
                let height = if e.multi_line { 12 } else { 5 };
                let width = 72.min(area.width);
                // The hint wraps onto as many lines as it needs, never cut,
                // inside the dialog's border so it never runs over what
                // lies beneath.
                let hint =
                    super::text::wrap(&clean(&e.hint, false), width.saturating_sub(2) as usize);
                let hint_rows = hint.len().clamp(1, 4) as u16;
                let rect = centered(area, width, height + 1 + hint_rows);
                Clear.render(rect, buf);
                let block = Block::bordered()
                    .title(format!(" {} ", clean(&e.title, false)))
                    .border_style(theme.border(true));
                let inner = block.inner(rect);
                block.render(rect, buf);
                let [text_area, rule, hint_area] = ratatui::layout::Layout::vertical([
                    ratatui::layout::Constraint::Min(1),
                    ratatui::layout::Constraint::Length(1),
                    ratatui::layout::Constraint::Length(hint_rows),
                ])
                .areas(inner);
                (&e.textarea).render(text_area, buf);
                Paragraph::new(Line::from(Span::styled(
                    "─".repeat(rule.width as usize),
                    theme.muted(),
                )))
                .render(rule, buf);
                let hint: Vec<Line> = hint
                    .into_iter()
                    .map(|l| Line::from(Span::styled(l, theme.muted())))
                    .collect();
                Paragraph::new(hint).render(hint_area, buf);
            }
        }
    }
}

fn render_picker(p: &Picker, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let visible = p.visible();
    let height = (visible.len() as u16 + 3).clamp(5, area.height.saturating_sub(2).max(5));
    let rect = centered(area, 60, height);
    Clear.render(rect, buf);
    let title = if p.filter.is_empty() {
        format!(" {} ", p.title)
    } else {
        format!(" {} — /{} ", p.title, clean(&p.filter, false))
    };
    let block = Block::bordered()
        .title(title)
        .border_style(theme.border(true));
    let inner = block.inner(rect);
    block.render(rect, buf);
    let rows = inner.height as usize;
    let offset = p.selected.saturating_sub(rows.saturating_sub(1));
    let lines: Vec<Line> = visible
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .map(|(i, (n, (_, label)))| {
            let number = if p.numbered && *n < 10 {
                format!("{n} ")
            } else {
                "  ".into()
            };
            let text = truncate(&clean(label, false), inner.width.saturating_sub(4) as usize);
            let style = if i == p.selected {
                theme.selected()
            } else {
                ratatui::style::Style::default()
            };
            Line::from(vec![
                Span::styled(number, theme.key()),
                Span::styled(text, style),
            ])
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}

impl crate::tui::core::Core {
    /// Opens a text editor over the screen; `hint` is already translated.
    pub fn open_editor(
        &mut self,
        title: impl Into<String>,
        hint: &str,
        text: &str,
        purpose: Purpose,
        multi_line: bool,
    ) {
        let editor = Editor::new(
            title.into(),
            hint.into(),
            text,
            purpose,
            multi_line,
            &self.theme,
        );
        self.popup = Some(Popup::Editor(Box::new(editor)));
    }
}

/// The answer keys of a question as the keymap has them in this language
/// ("o / n" in French); when an answer destroys something, each key says
/// what it does ("o yes, lose it · Enter no, keep it").
fn answer_keys(
    context: Context,
    loses: bool,
    theme: &Theme,
    lang: crate::model::Lang,
) -> Line<'static> {
    let bindings = super::keymap::bindings(context, lang);
    let first = |action: Action| bindings.iter().find(|b| b.action == action);
    let mut spans = Vec::new();
    for (i, action) in [Action::Yes, Action::No].into_iter().enumerate() {
        let Some(b) = first(action) else { continue };
        if i > 0 {
            spans.push(Span::raw(if loses { "  ·  " } else { " / " }));
        }
        spans.push(Span::styled(b.short_label(lang), theme.key()));
        if loses {
            let said = crate::i18n::t(lang, &format!("key.{}", b.help));
            spans.push(Span::raw(format!(" {said}")));
        }
    }
    Line::from(spans)
}
