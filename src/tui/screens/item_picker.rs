//! A picker of several contributions of a session, drawn over a screen:
//! one kind offered first (Tab for every kind), space marks, Enter saves,
//! Esc cancels. The run screen picks what an item answers with it; the
//! synthesis what its proposal or a building block builds on. Its keys are
//! the `links` context's; a picker of one (a remark's contribution) has
//! the `pick_one` context's.

use crate::i18n::tf;
use crate::model::{Contribution, Id, Kind, SessionData};
use crate::tui::action::Action;
use crate::tui::core::Core;
use crate::tui::keymap::Context;
use crate::tui::text::{clean, truncate};
use crate::tui::widgets::centered;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};
use std::collections::HashSet;

/// The picker's keys (the run screen's link picker was first).
pub const LINKS: Context = Context("links");
/// The keys of a picker of one contribution: no marks, Enter takes it.
pub const PICK_ONE: Context = Context("pick_one");

#[derive(Debug)]
pub struct ItemPicker {
    /// The contribution picking for itself, left out of the list.
    pub from: Option<Id>,
    /// The kind offered first, if any.
    pub offered: Option<Kind>,
    /// Every kind, not only the one offered.
    pub all: bool,
    /// What may be picked, in the session's order.
    pub candidates: Vec<Id>,
    /// What was picked when the picker opened.
    pub before: HashSet<Id>,
    pub marked: HashSet<Id>,
    pub selected: usize,
    /// Choosing one contribution (a remark's): no marks, Enter takes the
    /// one selected.
    pub single: bool,
}

/// Where a key leaves the picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picking {
    Open,
    Saved,
    Cancelled,
}

impl ItemPicker {
    pub fn new(
        data: &SessionData,
        from: Option<Id>,
        offered: Option<Kind>,
        before: HashSet<Id>,
    ) -> ItemPicker {
        let mut picker = ItemPicker {
            from,
            offered,
            all: false,
            candidates: Vec::new(),
            marked: before.clone(),
            before,
            selected: 0,
            single: false,
        };
        picker.fill(data);
        picker
    }

    /// A picker of one contribution of any kind: Enter takes the selected.
    pub fn single(data: &SessionData) -> ItemPicker {
        let mut picker = ItemPicker::new(data, None, None, HashSet::new());
        picker.single = true;
        picker
    }

    /// Its keys (and key bar): marking several, or taking one.
    pub fn context(&self) -> Context {
        if self.single {
            PICK_ONE
        } else {
            LINKS
        }
    }

    /// The candidates: live contributions of the session but `from`, of
    /// the kind offered unless `all` (or there is none), and whatever is
    /// marked whatever its kind, so it can be unmarked.
    fn fill(&mut self, data: &SessionData) {
        let wanted = self.wanted();
        self.candidates = data
            .live()
            .filter(|c| Some(c.id) != self.from)
            .filter(|c| wanted.is_none_or(|k| c.kind == k) || self.marked.contains(&c.id))
            .map(|c| c.id)
            .collect();
        self.selected = self.selected.min(self.candidates.len().saturating_sub(1));
    }

    /// The kind offered, `None` for every kind.
    pub fn wanted(&self) -> Option<Kind> {
        self.offered.filter(|_| !self.all)
    }

    /// What the list shows, in the interface's language (like the title
    /// it goes in): "Ideas", "every kind".
    pub fn showing(&self, core: &Core) -> String {
        match self.wanted() {
            Some(k) => k.plural(core.lang).to_string(),
            None => core.t("links.picker_all").to_string(),
        }
    }

    /// Takes one key.
    pub fn key(&mut self, data: &SessionData, action: Action) -> Picking {
        let n = self.candidates.len();
        // Up, Down, Home, End, PageUp, PageDown: as in every list.
        if let Some(to) = crate::tui::screens::moved(&action, self.selected, n) {
            self.selected = to;
            return Picking::Open;
        }
        match action {
            Action::LinkMark if self.single => {}
            Action::LinkMark => {
                if let Some(&id) = self.candidates.get(self.selected) {
                    if !self.marked.remove(&id) {
                        self.marked.insert(id);
                    }
                }
                // On to the next, as in a checklist (and as themes do).
                self.selected = crate::tui::screens::step(self.selected, 1, n);
            }
            Action::LinkAllKinds => {
                self.all = !self.all;
                let keep = self.candidates.get(self.selected).copied();
                self.fill(data);
                if let Some(at) = keep.and_then(|id| self.candidates.iter().position(|c| *c == id))
                {
                    self.selected = at;
                }
            }
            Action::Confirm => return Picking::Saved,
            Action::Back => return Picking::Cancelled,
            _ => {}
        }
        Picking::Open
    }

    /// What was marked and not picked before (`true`), or picked before and
    /// unmarked (`false`), in the session's order.
    pub fn changed(&self, data: &SessionData, added: bool) -> Vec<Id> {
        let (set, not) = if added {
            (&self.marked, &self.before)
        } else {
            (&self.before, &self.marked)
        };
        let order = data.index();
        let mut v: Vec<Id> = set.difference(not).copied().collect();
        v.sort_by_key(|id| order.get(id).copied());
        v
    }

    /// One contribution, for a picker choosing a single one: the first
    /// marked in the session's order, or else the one selected.
    pub fn chosen(&self, data: &SessionData) -> Option<Id> {
        let order = data.index();
        let marked = self.marked.iter().min_by_key(|id| order.get(id).copied());
        marked
            .copied()
            .or_else(|| self.candidates.get(self.selected).copied())
    }

    /// Draws the picker over `area`, titled `title`.
    pub fn render(
        &self,
        data: &SessionData,
        core: &Core,
        title: &str,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let theme = &core.theme;
        let height = (self.candidates.len() as u16 + 2).clamp(4, area.height.max(4));
        let rect = centered(area, area.width.saturating_sub(4).max(20), height);
        Clear.render(rect, buf);
        let block = Block::bordered()
            .title(format!(" {} ", clean(title, false)))
            .border_style(theme.border(true));
        let inner = block.inner(rect);
        block.render(rect, buf);
        if self.candidates.is_empty() {
            let kind = self.showing(core);
            let text = tf(core.lang, "links.picker_empty", &[("kind", &kind)]);
            Paragraph::new(Span::styled(text, theme.muted()))
                .wrap(ratatui::widgets::Wrap { trim: true })
                .render(inner, buf);
            return;
        }
        let rows = inner.height as usize;
        let offset = self.selected.saturating_sub(rows.saturating_sub(1));
        let width = (inner.width as usize).saturating_sub(5);
        let index = data.index();
        let lines: Vec<Line> = self
            .candidates
            .iter()
            .enumerate()
            .skip(offset)
            .take(rows)
            .filter_map(|(i, id)| {
                let c = &data.contributions[*index.get(id)?];
                let check = match (self.single, self.marked.contains(id)) {
                    (true, _) if i == self.selected => "▶ ",
                    (true, _) => "  ",
                    (false, true) => "[x] ",
                    (false, false) => "[ ] ",
                };
                // Sub-points under their parent, as the run screen shows them.
                let indent = "  ".repeat(depth(data, &index, c));
                let style = if i == self.selected {
                    theme.selected()
                } else {
                    ratatui::style::Style::default()
                };
                let width = width.saturating_sub(indent.len());
                Some(Line::from(vec![
                    Span::styled(check, theme.key()),
                    Span::raw(indent),
                    Span::styled(label(core.lang, c, width), style),
                ]))
            })
            .collect();
        Paragraph::new(lines).render(inner, buf);
    }
}

/// How deep a sub-point sits (0 at the top level), bounded like the tree.
fn depth(
    data: &SessionData,
    index: &std::collections::HashMap<Id, usize>,
    c: &Contribution,
) -> usize {
    let mut depth = 0;
    let mut parent = c.parent_id;
    while let Some(p) = parent.filter(|_| depth < crate::model::MAX_DEPTH) {
        depth += 1;
        parent = index.get(&p).and_then(|i| data.contributions[*i].parent_id);
    }
    depth
}

/// `[Kind] text`, one line, cleaned; the kind in the interface's language
/// (the text stays as typed).
pub fn label(lang: crate::model::Lang, c: &Contribution, width: usize) -> String {
    let kind = c.kind.label(lang);
    truncate(&clean(&format!("[{kind}] {}", c.text), false), width)
}
