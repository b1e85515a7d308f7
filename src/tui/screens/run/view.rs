//! Drawing the run screen. Only the visible rows are wrapped and drawn, so
//! the cost does not grow with the size of the session.

use super::{Focus, Row, RunState};
use crate::i18n::tf;
use crate::model::TimerAlert;
use crate::tui::core::Core;
use crate::tui::text::{clean, truncate, width, wrap};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

pub fn render(s: &RunState, core: &Core, area: Rect, buf: &mut Buffer) {
    let big = area.height >= 32;
    let context = clean(&s.data.session.context, false);
    // The context from set-up stays in sight under the question.
    let question_lines = if big { 3 } else { 2 } + u16::from(!context.trim().is_empty());
    let guidance_lines = if big { 3 } else { 2 };
    let input_height = if big { 7 } else { 4 };
    let [head, question, stages, guidance, body, input] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(question_lines),
        Constraint::Length(1),
        Constraint::Length(guidance_lines),
        Constraint::Min(4),
        Constraint::Length(input_height),
    ])
    .areas(area);
    let theme = &core.theme;
    header(s, core, head, buf);
    let mut lines = vec![Line::from(vec![
        Span::styled(
            format!(
                "{}{}",
                core.t("report.question"),
                crate::i18n::colon(core.lang)
            ),
            theme.accent(),
        ),
        Span::styled(clean(&s.data.session.question, false), theme.accent()),
    ])];
    if !context.trim().is_empty() {
        lines.push(Line::from(Span::styled(
            format!(
                "{}{}{context}",
                core.t("report.context"),
                crate::i18n::colon(core.lang)
            ),
            theme.muted(),
        )));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(question, buf);
    stage_bar(s, core, stages, buf);
    let lang = s.data.session.language;
    let guide = s
        .stage()
        .and_then(|st| s.template.as_ref().and_then(|t| t.stage(&st.key)))
        .map(|ts| ts.guidance.get(lang).to_string())
        .unwrap_or_default();
    Paragraph::new(Span::styled(guide, theme.muted()))
        .wrap(Wrap { trim: true })
        .render(guidance, buf);
    let roster_width = if area.width >= 110 { 34 } else { 26 };
    // An open room shows how to join in the roster's place.
    let id = s.session_id();
    let roster_width = crate::tui::room_panel::width_for(core, id)
        .map_or(roster_width, |w| w.max(roster_width).min(area.width / 2));
    let [list_area, roster_area] =
        Layout::horizontal([Constraint::Min(20), Constraint::Length(roster_width)]).areas(body);
    contributions(s, core, list_area, buf);
    super::links::render(s, core, list_area, buf);
    if !crate::tui::room_panel::render(core, id, roster_area, buf) {
        roster(s, core, roster_area, buf);
    }
    input_box(s, core, input, buf);
}

/// The columns the session's title keeps in the header before the
/// session's total time gives way.
const TITLE_ROOM: usize = 24;

fn header(s: &RunState, core: &Core, area: Rect, buf: &mut Buffer) {
    let theme = &core.theme;
    let mut spans = super::structures::step_spans(s, core);
    if let Some(c) = super::clock::clock_view(s, core) {
        let style = match c.alert {
            TimerAlert::Normal => theme.heading(),
            TimerAlert::Warning => theme.warn(),
            TimerAlert::Over => theme.overtime(),
        };
        let total = Span::styled(format!("{} · ", c.total), theme.muted());
        spans.push(Span::styled(c.timer, style));
        // The warning word follows the stage's clock it is about, apart
        // from the session's total.
        if !c.word.is_empty() {
            spans.push(Span::styled(format!(" · {}", c.word), style));
        }
        // The session's total gives way first on a narrow screen, so the
        // title keeps some room.
        let used = spans.iter().map(|s| width(&s.content)).sum::<usize>();
        if used + width(&total.content) + TITLE_ROOM <= area.width as usize {
            let at = spans.len() - 1 - usize::from(!c.word.is_empty());
            spans.insert(at, total);
        }
    }
    let clock_width = spans.iter().map(|s| width(&s.content)).sum::<usize>() as u16 + 1;
    let [title_area, clock_area] =
        Layout::horizontal([Constraint::Min(1), Constraint::Length(clock_width)]).areas(area);
    let title = truncate(
        &clean(&s.data.session.title, false),
        title_area.width as usize,
    );
    Paragraph::new(Span::styled(title, theme.title())).render(title_area, buf);
    Paragraph::new(Line::from(spans))
        .alignment(ratatui::layout::Alignment::Right)
        .render(clock_area, buf);
}

fn stage_bar(s: &RunState, core: &Core, area: Rect, buf: &mut Buffer) {
    let theme = &core.theme;
    // The badges after the stages (notes, parking lot) keep their room:
    // the stage titles are shortened instead.
    let mut badges = Vec::new();
    if s.stage().is_some_and(|st| !st.notes.is_empty()) {
        badges.push(format!("  [{}]", core.t("run.has_notes")));
    }
    if s.parked > 0 {
        let n = s.parked.to_string();
        badges.push(format!(
            "  [{}]",
            tf(core.lang, "run.parking", &[("n", &n)])
        ));
    }
    let open = s.data.actions.iter().filter(|a| a.is_open()).count();
    if open > 0 {
        let n = open.to_string();
        badges.push(format!(
            "  [{}]",
            tf(core.lang, "run.actions", &[("n", &n)])
        ));
    }
    if s.pending_inputs > 0 {
        let n = s.pending_inputs.to_string();
        badges.push(format!(
            "  [{}]",
            tf(core.lang, "inbox.badge", &[("n", &n)])
        ));
    }
    let badge_width: usize = badges.iter().map(|b| width(b)).sum();
    let n = s.data.stages.len().max(1);
    let room = ((area.width as usize).saturating_sub(badge_width) / n)
        .saturating_sub(4)
        .max(3);
    let mut spans = Vec::new();
    for (i, stage) in s.data.stages.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" › ", theme.muted()));
        }
        let done = stage.ended_at().is_some() && i != s.flow.current;
        let label = format!(
            "{}{} {}",
            i + 1,
            if done { "✓" } else { "" },
            truncate(&clean(&stage.title, false), room)
        );
        let style = if i == s.flow.current {
            theme.current_stage()
        } else if done {
            theme.muted()
        } else {
            Style::default()
        };
        spans.push(Span::styled(label, style));
    }
    spans.extend(badges.into_iter().map(|b| Span::styled(b, theme.muted())));
    Paragraph::new(Line::from(spans)).render(area, buf);
}

/// The lines an item takes at `width` columns.
fn item_lines(
    s: &RunState,
    core: &Core,
    id: crate::model::Id,
    depth: usize,
    columns: usize,
) -> Vec<Line<'static>> {
    let theme = &core.theme;
    let Some(c) = s.contribution(id) else {
        return Vec::new();
    };
    let indent = "  ".repeat(depth);
    let bullet = if depth == 0 { "• " } else { "◦ " };
    let lead = width(&indent) + 2 + 1;
    let text = clean(&c.text, true);
    let body_width = columns.saturating_sub(lead).max(8);
    let mut wrapped = wrap(&text, body_width);
    let author = super::structures::item_author(s, core, c);
    let mut lines = Vec::new();
    for (i, chunk) in wrapped.drain(..).enumerate() {
        let prefix = if i == 0 {
            format!(" {indent}{bullet}")
        } else {
            format!(" {indent}  ")
        };
        let mut spans = vec![Span::raw(prefix), Span::raw(chunk)];
        if i == 0
            && depth > 0
            && s.contribution(c.parent_id.unwrap_or(id))
                .is_some_and(|p| p.kind != c.kind)
        {
            spans.insert(
                1,
                Span::styled(format!("[{}] ", c.kind.label(core.lang)), theme.kind()),
            );
        }
        if i == 0 {
            if let Some(mark) = super::links::mark(s, id) {
                spans.push(Span::styled(format!(" {mark}"), theme.kind()));
            }
        }
        lines.push(Line::from(spans));
    }
    let conflict = s
        .conflict_copies
        .contains(&id)
        .then(|| format!(" {}", core.t("run.conflict_copy")));
    let tails = [
        author.map(|a| Span::styled(a, theme.muted())),
        conflict.map(|m| Span::styled(m, theme.warn())),
    ];
    for tail in tails.into_iter().flatten() {
        // On the last line if it fits, else on a line of its own.
        let fits = lines
            .last()
            .is_some_and(|l| l.width() + tail.width() <= columns);
        match lines.last_mut() {
            Some(last) if fits => last.spans.push(tail),
            _ => lines.push(Line::from(vec![Span::raw(format!(" {indent}  ")), tail])),
        }
    }
    lines
}

fn row_lines(s: &RunState, core: &Core, row: &Row, width: usize) -> Vec<Line<'static>> {
    match row {
        Row::Header { kind, count } => vec![Line::from(Span::styled(
            format!("{} ({count})", kind.plural(core.lang)),
            core.theme.heading(),
        ))],
        Row::Item { id, depth } => item_lines(s, core, *id, *depth, width),
    }
}

fn contributions(s: &RunState, core: &Core, area: Rect, buf: &mut Buffer) {
    let theme = &core.theme;
    let focused = s.focus == Focus::List;
    let title = s
        .stage()
        .map(|st| format!(" {} ", clean(&st.title, false)))
        .unwrap_or_default();
    let block = Block::bordered()
        .title(title)
        .border_style(theme.border(focused));
    let inner = block.inner(area);
    block.render(area, buf);
    if s.rows.is_empty() {
        Paragraph::new(Span::styled(core.t("run.empty_stage"), theme.muted()))
            .wrap(Wrap { trim: true })
            .render(inner, buf);
        return;
    }
    let w = inner.width as usize;
    let h = inner.height as usize;
    let height_of = |i: usize| row_lines(s, core, &s.rows[i], w).len();
    // Keep the selection in view, measuring only rows near it.
    let mut offset = s.offset.get().min(s.rows.len() - 1);
    if s.selected < offset {
        offset = s.selected;
        if offset > 0 && matches!(s.rows[offset - 1], Row::Header { .. }) {
            offset -= 1;
        }
    }
    // Walk up from the selection while rows still fit: O(visible rows).
    let mut used = height_of(s.selected);
    let mut first = s.selected;
    while first > offset && used + height_of(first - 1) <= h {
        first -= 1;
        used += height_of(first);
    }
    offset = offset.max(first);
    s.offset.set(offset);
    let mut y = inner.y;
    for (i, row) in s.rows.iter().enumerate().skip(offset) {
        if y >= inner.bottom() {
            break;
        }
        let selected = i == s.selected;
        for line in row_lines(s, core, row, w) {
            if y >= inner.bottom() {
                break;
            }
            let line = if selected {
                highlight(line, theme, focused)
            } else {
                line
            };
            buf.set_line(inner.x, y, &line, inner.width);
            y += 1;
        }
    }
}

fn highlight(mut line: Line<'static>, theme: &Theme, focused: bool) -> Line<'static> {
    if let Some(first) = line.spans.first_mut() {
        if first.content.contains('•') || first.content.contains('◦') {
            let marked: String = first.content.replacen(' ', "›", 1);
            first.content = marked.into();
        }
    }
    if focused {
        line.style(theme.selected())
    } else {
        line.style(theme.accent())
    }
}

fn roster(s: &RunState, core: &Core, area: Rect, buf: &mut Buffer) {
    let theme = &core.theme;
    let unheard = s
        .data
        .roster()
        .filter(|p| s.counts.get(&Some(p.id)).is_none_or(|c| c.0 == 0))
        .count();
    let title = format!(" {} ", core.t("run.roster"));
    let block = Block::bordered()
        .title(title)
        .border_style(theme.border(false));
    let inner = block.inner(area);
    block.render(area, buf);
    let w = inner.width as usize;
    let mut lines = vec![Line::from(Span::styled(
        format!("{:>w$}", core.t("run.counts_legend"), w = w),
        theme.muted(),
    ))];
    let count = |who: Option<crate::model::Id>| s.counts.get(&who).copied().unwrap_or((0, 0));
    // Under an even share of the whole session's contributions (the group's
    // excluded), by the same rule as the report's participation chart.
    let totals: Vec<usize> = s.data.roster().map(|p| count(Some(p.id)).1).collect();
    let under: Vec<bool> = crate::model::under_even_share(&totals);
    // Those not heard in this stage show ○ instead, and are counted there.
    let under_count = s
        .data
        .roster()
        .zip(&under)
        .filter(|(p, u)| **u && count(Some(p.id)).0 > 0)
        .count();
    // In a round-robin, who has the floor after the one speaking now.
    let then = s
        .round_robin
        .then(|| s.next_in_turn(s.participant))
        .flatten()
        .filter(|p| s.participant != Some(*p));
    let mut entry =
        |n: String, name: String, who: Option<crate::model::Id>, heard: bool, low: bool| {
            let (stage, total) = count(who);
            let chosen =
                s.participant == who && (s.focus == Focus::Input || s.round_robin) && !s.anonymous;
            // In a round-robin, ✓ marks who has had their turn (spoke or
            // passed).
            let done = s.round_robin && who.is_some_and(|p| s.turn_taken(p));
            let mark = if chosen {
                "▶"
            } else if who.is_some() && who == then {
                "→"
            } else if done {
                "✓"
            } else if !heard {
                "○"
            } else if low {
                "↓"
            } else {
                " "
            };
            let counts = format!("{stage:>2}/{total:<3}");
            let name_room = w.saturating_sub(counts.len() + n.len() + 3);
            let name = truncate(&clean(&name, false), name_room);
            let pad = w.saturating_sub(width(&name) + counts.len() + n.len() + 3);
            let name_style = if chosen {
                theme.selected()
            } else if !heard {
                theme.unheard()
            } else {
                Style::default()
            };
            lines.push(Line::from(vec![
                Span::styled(n, theme.key()),
                Span::styled(
                    format!("{mark} "),
                    if heard {
                        Style::default()
                    } else {
                        theme.unheard()
                    },
                ),
                Span::styled(name, name_style),
                Span::raw(" ".repeat(pad + 1)),
                Span::styled(counts, theme.muted()),
            ]));
        };
    entry("0".into(), core.t("run.group").into(), None, true, false);
    for (i, p) in s.data.roster().enumerate() {
        let n = if i < 9 {
            format!("{}", i + 1)
        } else {
            " ".into()
        };
        let heard = count(Some(p.id)).0 > 0;
        entry(n, p.name.clone(), Some(p.id), heard, under[i]);
    }
    if s.anonymous_counts.1 > 0 {
        // Nobody's: on a line of its own, neither the group's nor a
        // person's, and not a speaker to choose (no number).
        let (stage, total) = s.anonymous_counts;
        let counts = format!("{stage:>2}/{total:<3}");
        let name = core.t("structures.anonymous");
        let pad = w.saturating_sub(width(name) + counts.len() + 3);
        // Under the group's line (the legend, then the group).
        lines.insert(
            2,
            Line::from(vec![
                Span::raw("   "),
                Span::styled(name, theme.muted()),
                Span::raw(" ".repeat(pad)),
                Span::styled(counts, theme.muted()),
            ]),
        );
    }
    if unheard > 0 && s.data.roster().count() > 0 {
        lines.push(Line::from(Span::styled(
            crate::i18n::tf(core.lang, "run.unheard", &[("n", &unheard.to_string())]),
            theme.unheard(),
        )));
    } else if s.data.roster().count() > 0 {
        lines.push(Line::from(Span::styled(
            core.t("run.all_heard"),
            theme.ok(),
        )));
    }
    if s.round_robin {
        for part in legend_lines(core.t("run.round_robin_legend"), w) {
            lines.push(Line::from(Span::styled(part, theme.accent())));
        }
    }
    if under_count > 0 {
        lines.push(Line::from(Span::styled(
            crate::i18n::tf(
                core.lang,
                "run.under_share",
                &[("n", &under_count.to_string())],
            ),
            theme.muted(),
        )));
    }
    Paragraph::new(lines).render(inner, buf);
}

fn input_box(s: &RunState, core: &Core, area: Rect, buf: &mut Buffer) {
    let theme = &core.theme;
    let focused = s.focus == Focus::Input;
    let who = s.speaker_name(core, s.participant);
    let kind = s.kind.label(core.lang);
    let (verb, who) = match (s.editing.is_some(), s.participant) {
        // No name beside what is typed anonymously, not even on screen.
        (false, _) if s.anonymous => (core.t("structures.input_label"), String::new()),
        (true, _) => (core.t("run.editing_label"), who),
        (false, Some(_)) => (core.t("run.input_label"), who),
        // "Parole du groupe", not "Parole de Groupe".
        (false, None) => (core.t("run.input_label_group"), String::new()),
    };
    let mut title = vec![Span::raw(format!(" {verb}"))];
    if !who.is_empty() {
        title.push(Span::raw(" "));
        title.push(Span::styled(clean(&who, false), theme.accent()));
    }
    title.extend(super::structures::input_badges(s, core));
    let title = Line::from(
        [
            title,
            vec![
                Span::raw(" · "),
                Span::styled(kind.to_string(), theme.kind()),
                Span::raw(" "),
            ],
        ]
        .concat(),
    );
    let block = Block::bordered()
        .title(title)
        .border_style(theme.border(focused));
    let inner = block.inner(area);
    block.render(area, buf);
    if focused {
        (&s.input).render(inner, buf);
    } else {
        let text = crate::tui::widgets::editor::text_of(&s.input);
        let shown = if text.is_empty() {
            Span::styled(core.t("run.input_hint"), theme.muted())
        } else {
            Span::raw(clean(&text, false))
        };
        Paragraph::new(shown)
            .wrap(Wrap { trim: true })
            .render(inner, buf);
    }
}

/// A legend ("▶ speaking · → next · ✓ done") on as few lines of `w`
/// columns as it takes, broken between its parts, never inside one.
fn legend_lines(legend: &str, w: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for part in legend.split(" · ") {
        match lines.last_mut() {
            Some(line) if width(line) + 3 + width(part) <= w => {
                line.push_str(" · ");
                line.push_str(part);
            }
            _ => lines.push(part.to_string()),
        }
    }
    lines
}
