//! Drawing the projector view: what the room may see (`PublicState`, and
//! nothing else) in the session's language, spaced out to be read from the
//! back of a room. The terminal's own font size makes it large: the view
//! keeps lines short, bold and apart.

use crate::i18n::{t, tf};
use crate::model::Lang;
use crate::room::public::{PublicItem, PublicState};
use crate::tui::text::{clean, truncate, width, wrap};
use crate::tui::theme::Theme;
use crate::tui::widgets::qr::Qr;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

/// Draws `state`, its timer advanced by `since` seconds (the time since
/// the state was read, while the stage's clock runs).
pub fn render(state: &PublicState, since: i64, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lang = state.language;
    let area = area.inner(ratatui::layout::Margin::new(2, 1));
    let question = wrap(&clean(&state.question, false), area.width as usize);
    let question_rows = (question.len() as u16).clamp(1, 4);
    let guidance = guidance_lines(state, area.width as usize);
    let [head, _, question_area, _, stage_area, _, body, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(question_rows),
        Constraint::Length(1),
        Constraint::Length(1 + guidance.len() as u16),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    header(state, since, theme, head, buf);
    let big = theme.title().add_modifier(Modifier::BOLD);
    Paragraph::new(question.into_iter().map(Line::from).collect::<Vec<_>>())
        .style(big)
        .render(question_area, buf);
    stage(state, guidance, theme, stage_area, buf);
    let join = state
        .room
        .as_ref()
        .and_then(|r| Qr::new(&r.url).map(|qr| (r, qr)));
    let items_area = match &join {
        Some((room, qr)) => {
            let texts = [
                t(lang, "present.join").to_string(),
                clean(&room.url, false),
                tf(lang, "present.code", &[("code", &room.code)]),
            ];
            let widest = texts.iter().map(|t| width(t)).max().unwrap_or(0) as u16;
            let panel_width = qr.size().0.max(widest).min(body.width / 2);
            let [items_area, _, panel] = Layout::horizontal([
                Constraint::Min(20),
                Constraint::Length(2),
                Constraint::Length(panel_width),
            ])
            .areas(body);
            join_panel(lang, &room.url, &room.code, qr, theme, panel, buf);
            items_area
        }
        None => body,
    };
    items(state, theme, items_area, buf);
    Paragraph::new(Span::styled(t(lang, "present.quit"), theme.muted()))
        .alignment(Alignment::Right)
        .render(foot, buf);
}

fn header(state: &PublicState, since: i64, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let clock = state.stage.as_ref().and_then(|s| s.timer).map(|timer| {
        let elapsed = timer.elapsed_seconds + if timer.running { since } else { 0 };
        let style = if timer.planned_seconds > 0 && elapsed > timer.planned_seconds {
            theme.overtime()
        } else {
            theme.heading()
        };
        let text = if timer.planned_seconds > 0 {
            format!("{} / {}", mm_ss(elapsed), mm_ss(timer.planned_seconds))
        } else {
            mm_ss(elapsed)
        };
        Span::styled(text, style)
    });
    let clock_width = clock.as_ref().map_or(0, |c| width(&c.content) as u16 + 1);
    let [title_area, clock_area] =
        Layout::horizontal([Constraint::Min(1), Constraint::Length(clock_width)]).areas(area);
    let title = truncate(&clean(&state.title, false), title_area.width as usize);
    Paragraph::new(Span::styled(title, theme.heading())).render(title_area, buf);
    if let Some(clock) = clock {
        Paragraph::new(clock)
            .alignment(Alignment::Right)
            .render(clock_area, buf);
    }
}

/// `mm:ss`, or `h:mm:ss` past an hour.
fn mm_ss(seconds: i64) -> String {
    let s = seconds.max(0);
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{:02}:{:02}", s / 60, s % 60)
    }
}

/// The stage's guidance wrapped to `columns`, at most three lines (the
/// last one cut with an ellipsis when it goes on).
fn guidance_lines(state: &PublicState, columns: usize) -> Vec<String> {
    const MAX: usize = 3;
    let Some(stage) = &state.stage else {
        return Vec::new();
    };
    let mut lines = wrap(&clean(&stage.guidance, false), columns);
    lines.retain(|l| !l.trim().is_empty());
    if lines.len() > MAX {
        lines.truncate(MAX);
        lines[MAX - 1] = truncate(&format!("{} …", lines[MAX - 1]), columns);
    }
    lines
}

fn stage(state: &PublicState, guidance: Vec<String>, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some(stage) = &state.stage else { return };
    let mut lines = vec![Line::from(Span::styled(
        format!("▌ {}", clean(&stage.title, false)),
        theme.accent().add_modifier(Modifier::BOLD),
    ))];
    lines.extend(
        guidance
            .into_iter()
            .map(|l| Line::from(Span::styled(l, theme.muted()))),
    );
    Paragraph::new(lines).render(area, buf);
}

/// One item as lines: a bullet by depth, the text, then its author and its
/// votes (when the rule shows them).
fn item_lines(item: &PublicItem, lang: Lang, theme: &Theme, columns: usize) -> Vec<Line<'static>> {
    let indent = 2 * item.depth.min(6);
    let bullet = if item.depth == 0 { "• " } else { "◦ " };
    let mut text = clean(&item.text, false);
    if let Some(author) = &item.author {
        text.push_str(&format!(" — {}", clean(author, false)));
    }
    let room = columns.saturating_sub(indent + 2).max(8);
    let votes = item
        .votes
        .map(|n| tf(lang, "present.votes", &[("n", &n.to_string())]));
    let mut lines = Vec::new();
    for (i, part) in wrap(&text, room).into_iter().enumerate() {
        let lead = if i == 0 { bullet } else { "  " };
        let style = if item.depth == 0 {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        lines.push(Line::from(vec![
            Span::raw(" ".repeat(indent)),
            Span::styled(lead, theme.accent()),
            Span::styled(part, style),
        ]));
    }
    if let (Some(votes), Some(first)) = (votes, lines.first_mut()) {
        first
            .spans
            .push(Span::styled(format!("  {votes}"), theme.ok()));
    }
    lines
}

/// The items that fit, the latest kept: the room looks at what was just
/// said; a line says how many earlier ones are out of sight.
fn items(state: &PublicState, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lang = state.language;
    if !state.show_items || state.items.is_empty() {
        let key = if state.show_items {
            "present.no_items"
        } else {
            "present.items_hidden"
        };
        Paragraph::new(Span::styled(t(lang, key), theme.muted())).render(area, buf);
        return;
    }
    let rows = area.height as usize;
    let mut shown: Vec<Vec<Line>> = Vec::new();
    let mut used = 0;
    for item in state.items.iter().rev() {
        let lines = item_lines(item, lang, theme, area.width as usize);
        // One row stays free for the "earlier" line when some are left out.
        let left = shown.len() + 1 < state.items.len();
        if used + lines.len() + usize::from(left) > rows && !shown.is_empty() {
            break;
        }
        used += lines.len();
        shown.push(lines);
    }
    let hidden = state.items.len() - shown.len();
    let mut lines = Vec::new();
    if hidden > 0 {
        lines.push(Line::from(Span::styled(
            tf(lang, "present.earlier", &[("n", &hidden.to_string())]),
            theme.muted(),
        )));
    }
    lines.extend(shown.into_iter().rev().flatten());
    Paragraph::new(lines).render(area, buf);
}

/// How to join: the QR code, the URL and the code, centred in the panel.
fn join_panel(
    lang: Lang,
    url: &str,
    code: &str,
    qr: &Qr,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let (qr_width, qr_height) = qr.size();
    let [title, qr_area, url_area, code_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(qr_height),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Paragraph::new(Span::styled(t(lang, "present.join"), theme.heading()))
        .alignment(Alignment::Center)
        .render(title, buf);
    let left = qr_area.x + qr_area.width.saturating_sub(qr_width) / 2;
    qr.render(Rect { x: left, ..qr_area }, buf);
    Paragraph::new(Span::styled(clean(url, false), theme.accent()))
        .alignment(Alignment::Center)
        .render(url_area, buf);
    Paragraph::new(Span::styled(
        tf(lang, "present.code", &[("code", &clean(code, false))]),
        theme.heading().add_modifier(Modifier::BOLD),
    ))
    .alignment(Alignment::Center)
    .render(code_area, buf);
}

#[cfg(test)]
mod tests {
    #[test]
    fn clocks_read_as_minutes_then_hours() {
        assert_eq!(super::mm_ss(0), "00:00");
        assert_eq!(super::mm_ss(754), "12:34");
        assert_eq!(super::mm_ss(3600 + 61), "1:01:01");
        assert_eq!(super::mm_ss(-5), "00:00");
    }
}
