//! Run: links between contributions. `l` on the selected item opens a
//! picker of what it may answer — the kind before it by default (a stake
//! its observations, an idea its stakes, a proposal its ideas), Tab for
//! every kind — where space marks and Enter saves: what was marked is
//! linked, what was unmarked is unlinked, as one command (`u` undoes it).
//! `L` shows the selected item's links both ways under the list, following
//! the selection until pressed again.

use super::super::item_picker::{ItemPicker, Picking};
use super::RunState;
use crate::commands::Command;
use crate::i18n::tf;
use crate::model::{answered_kind, Contribution, Id, Links};
use crate::tui::action::Action;
use crate::tui::core::{Core, Nav};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

pub use crate::tui::screens::item_picker::LINKS;

/// The run screen's link state: the picker while open, and whether the
/// links panel is shown.
#[derive(Debug, Default)]
pub struct LinksState {
    pub picker: Option<LinkPicker>,
    pub panel: bool,
}

/// The link picker: what the contribution `from` answers.
pub type LinkPicker = ItemPicker;

/// `l`: opens the picker for the selected contribution.
pub fn open_picker(s: &mut RunState, core: &mut Core) {
    let Some(from) = s.selected_id() else {
        core.info(core.t("run.nothing_selected"));
        return;
    };
    let linked = Links::of(&s.data)
        .answers(from)
        .iter()
        .map(|c| c.id)
        .collect();
    let offered = s.contribution(from).and_then(|c| answered_kind(c.kind));
    s.links.picker = Some(ItemPicker::new(&s.data, Some(from), offered, linked));
}

/// `L`: shows or hides the selected item's links under the list.
pub fn toggle_panel(s: &mut RunState) {
    s.links.panel = !s.links.panel;
}

/// Keys while the picker is open.
pub fn update(s: &mut RunState, core: &mut Core, action: Action) -> Option<Nav> {
    let mut picker = s.links.picker.take()?;
    match picker.key(&s.data, action) {
        Picking::Open => s.links.picker = Some(picker),
        Picking::Saved => save(s, core, &picker),
        Picking::Cancelled => core.info(core.t("app.cancelled")),
    }
    None
}

/// Links what was marked and unlinks what was unmarked, as one command.
fn save(s: &mut RunState, core: &mut Core, picker: &LinkPicker) {
    let Some(from) = picker.from else {
        return;
    };
    let add = picker.changed(&s.data, true);
    let remove = picker.changed(&s.data, false);
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

fn label(core: &Core, c: &Contribution, width: usize) -> String {
    super::super::item_picker::label(core.lang, c, width)
}

fn render_picker(s: &RunState, core: &Core, p: &LinkPicker, area: Rect, buf: &mut Buffer) {
    let kind = p.showing(core);
    let marked = p.marked.len().to_string();
    let title = tf(
        core.lang,
        "links.picker_title",
        &[("kind", &kind), ("marked", &marked)],
    );
    p.render(&s.data, core, &title, area, buf);
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
