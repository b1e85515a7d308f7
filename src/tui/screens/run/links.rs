//! Run: links between contributions. `l` on the selected item opens a
//! picker of what it may answer — the kind before it by default (a stake
//! its observations, an idea its stakes, a proposal its ideas), Tab for
//! every kind — where space marks and Enter saves: what was marked is
//! linked, what was unmarked is unlinked, as one command (`u` undoes it).
//! `L` shows the selected item's links both ways under the list, following
//! the selection until pressed again.

use super::RunState;
use crate::commands::Command;
use crate::i18n::tf;
use crate::model::{answered_kind, Contribution, Id, Links};
use crate::tui::action::Action;
use crate::tui::core::{Core, Nav};
use crate::tui::keymap::Context;
use crate::tui::text::{clean, truncate};
use crate::tui::widgets::centered;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};
use std::collections::HashSet;

/// The link picker's keys.
pub const LINKS: Context = Context("links");

/// The run screen's link state: the picker while open, and whether the
/// links panel is shown.
#[derive(Debug, Default)]
pub struct LinksState {
    pub picker: Option<LinkPicker>,
    pub panel: bool,
}

#[derive(Debug)]
pub struct LinkPicker {
    /// The contribution that answers.
    pub from: Id,
    /// Every kind, not only the one before `from`'s.
    pub all: bool,
    /// What may be picked, in the session's order.
    pub candidates: Vec<Id>,
    /// What `from` answered when the picker opened.
    pub linked: HashSet<Id>,
    pub marked: HashSet<Id>,
    pub selected: usize,
}

impl LinkPicker {
    fn new(s: &RunState, from: Id) -> LinkPicker {
        let linked: HashSet<Id> = Links::of(&s.data)
            .answers(from)
            .iter()
            .map(|c| c.id)
            .collect();
        let mut picker = LinkPicker {
            from,
            all: false,
            candidates: Vec::new(),
            marked: linked.clone(),
            linked,
            selected: 0,
        };
        picker.fill(s);
        picker
    }

    /// The candidates: live contributions of the session but `from`, of
    /// the kind before `from`'s unless `all` (or there is none), and
    /// whatever is marked whatever its kind, so it can be unmarked.
    fn fill(&mut self, s: &RunState) {
        let wanted = self.wanted(s);
        self.candidates = s
            .data
            .live()
            .filter(|c| c.id != self.from)
            .filter(|c| wanted.is_none_or(|k| c.kind == k) || self.marked.contains(&c.id))
            .map(|c| c.id)
            .collect();
        self.selected = self.selected.min(self.candidates.len().saturating_sub(1));
    }

    /// The kind offered, `None` for every kind.
    fn wanted(&self, s: &RunState) -> Option<crate::model::Kind> {
        if self.all {
            return None;
        }
        s.contribution(self.from)
            .and_then(|c| answered_kind(c.kind))
    }
}

/// `l`: opens the picker for the selected contribution.
pub fn open_picker(s: &mut RunState, core: &mut Core) {
    let Some(from) = s.selected_id() else {
        core.info(core.t("run.nothing_selected"));
        return;
    };
    s.links.picker = Some(LinkPicker::new(s, from));
}

/// `L`: shows or hides the selected item's links under the list.
pub fn toggle_panel(s: &mut RunState) {
    s.links.panel = !s.links.panel;
}

/// Keys while the picker is open.
pub fn update(s: &mut RunState, core: &mut Core, action: Action) -> Option<Nav> {
    let mut picker = s.links.picker.take()?;
    let n = picker.candidates.len();
    if let Some(to) = crate::tui::screens::moved(&action, picker.selected, n) {
        picker.selected = to;
        s.links.picker = Some(picker);
        return None;
    }
    match action {
        Action::LinkMark => {
            if let Some(&id) = picker.candidates.get(picker.selected) {
                if !picker.marked.remove(&id) {
                    picker.marked.insert(id);
                }
            }
            // On to the next, as in a checklist (and as themes do).
            picker.selected = crate::tui::screens::step(picker.selected, 1, n);
        }
        Action::LinkAllKinds => {
            picker.all = !picker.all;
            let keep = picker.candidates.get(picker.selected).copied();
            picker.fill(s);
            if let Some(at) = keep.and_then(|id| picker.candidates.iter().position(|c| *c == id)) {
                picker.selected = at;
            }
        }
        Action::Confirm => {
            save(s, core, &picker);
            return None;
        }
        Action::Back => {
            core.info(core.t("app.cancelled"));
            return None;
        }
        _ => {}
    }
    s.links.picker = Some(picker);
    None
}

/// Links what was marked and unlinks what was unmarked, as one command.
fn save(s: &mut RunState, core: &mut Core, picker: &LinkPicker) {
    let from = picker.from;
    let in_order = |set: &HashSet<Id>, not: &HashSet<Id>| -> Vec<Id> {
        let mut v: Vec<Id> = set.difference(not).copied().collect();
        v.sort_by_key(|id| s.index.get(id).copied());
        v
    };
    let add = in_order(&picker.marked, &picker.linked);
    let remove = in_order(&picker.linked, &picker.marked);
    let (added, removed) = (add.len().to_string(), remove.len().to_string());
    let mut commands = Vec::new();
    if !add.is_empty() {
        commands.push(Command::Link { from, to: add });
    }
    if !remove.is_empty() {
        commands.push(Command::Unlink { from, to: remove });
    }
    let command = match commands.len() {
        0 => return core.info(core.t("links.unchanged")),
        1 => commands.remove(0),
        _ => Command::Batch(commands),
    };
    if s.run_or_say(core, &command, Some(from)) {
        let args = [("added", added.as_str()), ("removed", removed.as_str())];
        core.success(tf(core.lang, "links.saved", &args));
    }
}

/// The small mark beside a linked item in the list: `↖2` when it answers
/// two items, `↘1` when one builds on it.
pub fn mark(s: &RunState, id: Id) -> Option<String> {
    let alive = |other: Id| {
        s.contribution(other)
            .is_some_and(|c| c.deleted_at.is_none())
    };
    let live = || s.data.links.iter().filter(|l| l.is_live());
    let answers = live().filter(|l| l.from == id && alive(l.to)).count();
    let built_on = live().filter(|l| l.to == id && alive(l.from)).count();
    let mut parts = Vec::new();
    if answers > 0 {
        parts.push(format!("↖{answers}"));
    }
    if built_on > 0 {
        parts.push(format!("↘{built_on}"));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// Draws the picker over the list, or the links panel under it.
pub fn render(s: &RunState, core: &Core, area: Rect, buf: &mut Buffer) {
    if let Some(picker) = &s.links.picker {
        render_picker(s, core, picker, area, buf);
    } else if s.links.panel {
        if let Some(id) = s.selected_id() {
            render_panel(s, core, id, area, buf);
        }
    }
}

/// `[Kind] text`, one line, cleaned.
fn label(core: &Core, c: &Contribution, width: usize) -> String {
    let kind = c.kind.label(core.lang);
    truncate(&clean(&format!("[{kind}] {}", c.text), false), width)
}

fn render_picker(s: &RunState, core: &Core, p: &LinkPicker, area: Rect, buf: &mut Buffer) {
    let theme = &core.theme;
    let kind = match p.wanted(s) {
        Some(k) => k.plural(core.lang).to_string(),
        None => core.t("links.picker_all").to_string(),
    };
    let marked = p.marked.len().to_string();
    let title = tf(
        core.lang,
        "links.picker_title",
        &[("kind", &kind), ("marked", &marked)],
    );
    let height = (p.candidates.len() as u16 + 2).clamp(4, area.height.max(4));
    let rect = centered(area, area.width.saturating_sub(4).max(20), height);
    Clear.render(rect, buf);
    let block = Block::bordered()
        .title(format!(" {} ", clean(&title, false)))
        .border_style(theme.border(true));
    let inner = block.inner(rect);
    block.render(rect, buf);
    if p.candidates.is_empty() {
        let text = tf(core.lang, "links.picker_empty", &[("kind", &kind)]);
        Paragraph::new(Span::styled(text, theme.muted()))
            .wrap(ratatui::widgets::Wrap { trim: true })
            .render(inner, buf);
        return;
    }
    let rows = inner.height as usize;
    let offset = p.selected.saturating_sub(rows.saturating_sub(1));
    let width = (inner.width as usize).saturating_sub(5);
    let lines: Vec<Line> = p
        .candidates
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .filter_map(|(i, id)| {
            let c = s.contribution(*id)?;
            let check = if p.marked.contains(id) {
                "[x] "
            } else {
                "[ ] "
            };
            let style = if i == p.selected {
                theme.selected()
            } else {
                ratatui::style::Style::default()
            };
            Some(Line::from(vec![
                Span::styled(check, theme.key()),
                Span::styled(label(core, c, width), style),
            ]))
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}

fn render_panel(s: &RunState, core: &Core, id: Id, area: Rect, buf: &mut Buffer) {
    let theme = &core.theme;
    let links = Links::of(&s.data);
    let width = (area.width as usize).saturating_sub(6);
    let mut lines = Vec::new();
    for (key, list) in [
        ("links.answers", links.answers(id)),
        ("links.built_on", links.built_on(id)),
    ] {
        if list.is_empty() {
            continue;
        }
        let heading = format!(
            "{}{}",
            core.t(key),
            crate::i18n::colon(core.lang).trim_end()
        );
        lines.push(Line::from(Span::styled(heading, theme.heading())));
        for c in list {
            lines.push(Line::from(format!("  • {}", label(core, c, width))));
        }
    }
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(
            core.t("links.none"),
            theme.muted(),
        )));
    }
    // Inside the list's border, at its foot.
    let area = area.inner(ratatui::layout::Margin::new(1, 1));
    let height = (lines.len() as u16 + 2).min(area.height / 2).max(3);
    let rect = Rect {
        x: area.x,
        y: area.bottom().saturating_sub(height),
        width: area.width,
        height,
    };
    Clear.render(rect, buf);
    let block = Block::bordered()
        .title(format!(" {} ", core.t("links.panel_title")))
        .border_style(theme.border(false));
    let inner = block.inner(rect);
    block.render(rect, buf);
    Paragraph::new(lines).render(inner, buf);
}
