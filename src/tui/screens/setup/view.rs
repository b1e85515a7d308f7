//! Drawing the set-up screen: fields on the left, roster on the right.

use super::{Field, SetupRow, SetupState};
use crate::tui::core::Core;
use crate::tui::text::{clean, truncate};
use crate::tui::widgets::screen_title;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

pub fn render(s: &SetupState, core: &Core, area: Rect, buf: &mut Buffer) {
    let theme = &core.theme;
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    screen_title(core, "setup.heading", &s.data.session.title, head, buf);
    let [fields_area, roster_area] =
        Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(body);
    let current = s.current();

    let block = Block::bordered()
        .title(format!(" {} ", core.t("setup.session")))
        .border_style(theme.border(matches!(current, SetupRow::Field(_))));
    let inner = block.inner(fields_area);
    block.render(fields_area, buf);
    let label_width = Field::ALL
        .iter()
        .map(|f| crate::tui::text::width(core.t(f.label_key())))
        .max()
        .unwrap_or(10)
        + 2;
    let value_width = (inner.width as usize).saturating_sub(label_width + 2);
    let lines: Vec<Line> = Field::ALL
        .iter()
        .map(|f| {
            let selected = current == SetupRow::Field(*f);
            let mut value = clean(&s.value(core, *f), false);
            if f.is_choice() {
                value = format!("‹ {value} ›");
            }
            let shown = if value.is_empty() {
                Span::styled(core.t("setup.empty_value"), theme.muted())
            } else {
                Span::raw(truncate(&value, value_width))
            };
            let line = Line::from(vec![
                Span::raw(if selected { "›" } else { " " }),
                Span::styled(
                    format!("{:<label_width$}", core.t(f.label_key())),
                    theme.muted(),
                ),
                shown,
            ]);
            if selected {
                line.style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    let mut lines = lines;
    // On the template field, what the template is for.
    if current == SetupRow::Field(Field::Template) {
        if let Some(t) = core.catalog.get(&s.data.session.template) {
            lines.push(Line::from(""));
            let about = clean(t.description.get(core.lang), false);
            for part in crate::tui::text::wrap(&about, (inner.width as usize).saturating_sub(2)) {
                lines.push(Line::from(Span::styled(format!(" {part}"), theme.muted())));
            }
        }
    }
    Paragraph::new(lines).render(inner, buf);

    let block = Block::bordered()
        .title(format!(
            " {} ({}) ",
            core.t("report.participants"),
            s.data.roster().count()
        ))
        .border_style(theme.border(!matches!(current, SetupRow::Field(_))));
    let inner = block.inner(roster_area);
    block.render(roster_area, buf);
    let rows = s.rows();
    let first_roster = Field::ALL.len();
    let visible = inner.height as usize;
    let sel_in_roster = s.selected.saturating_sub(first_roster);
    let offset = crate::tui::screens::scroll_to(s.offset.get(), sel_in_roster, visible);
    s.offset.set(offset);
    let lines: Vec<Line> = rows[first_roster..]
        .iter()
        .enumerate()
        .skip(offset)
        .take(visible)
        .map(|(i, row)| {
            let selected = current == *row;
            let text = match row {
                SetupRow::Participant(id) => {
                    let (name, role) = s
                        .data
                        .participant(*id)
                        .map(|p| (p.name.clone(), p.role.clone()))
                        .unwrap_or_default();
                    let role = if role.is_empty() {
                        String::new()
                    } else {
                        format!(" ({role})")
                    };
                    format!(
                        "{:>2}. {}{}",
                        i + 1,
                        clean(&name, false),
                        clean(&role, false)
                    )
                }
                _ => format!("  + {}", core.t("setup.add_row")),
            };
            // The same mark as the fields', so the cursor shows without
            // colours too (End lands on the last row, here).
            let text = format!("{}{text}", if selected { "›" } else { " " });
            let style = if selected {
                theme.selected()
            } else if matches!(row, SetupRow::Add) {
                theme.muted()
            } else {
                Style::default()
            };
            Line::from(Span::styled(truncate(&text, inner.width as usize), style))
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}
