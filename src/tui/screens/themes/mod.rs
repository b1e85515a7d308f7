//! Themes: grouping what was said under names, to converge. The left
//! column lists an "unsorted" bucket (the stage's contributions in no
//! theme) and the themes; the right column the items of the one selected.
//! Space marks items; `p` puts the marked ones into a theme picked from a
//! list. Each change is one command, saved at once; `u` applies its
//! inverse and Ctrl+R does it again.

mod moves;
mod view;

use super::{load, moved};
use crate::model::{Contribution, Id, SessionData, Theme, Tree};
use crate::tui::action::Action;
use crate::tui::core::{Core, Nav};
use crate::tui::history::History;
use crate::tui::keymap::Context;
use crate::tui::popup::Purpose;
use crate::tui::screen::Screen;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::cell::Cell;
use std::collections::HashSet;

pub const THEMES: Context = Context("themes");

/// The themes of session `id`; the unsorted bucket shows `stage`'s
/// contributions (the stage the run screen was on).
pub fn open(id: Id, stage: Option<Id>) -> Nav {
    Nav::to(move |core, _| Some(Box::new(ThemesState::open(core, id, stage)?)))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Themes,
    Items,
}

pub struct ThemesState {
    pub data: SessionData,
    /// The stage whose contributions fill the unsorted bucket (all stages
    /// when `None`).
    pub stage: Option<Id>,
    pub pane: Pane,
    /// The selected bucket: 0 is "unsorted", then the listed themes.
    pub bucket: usize,
    /// The selected item in the right column.
    pub item: usize,
    /// Items marked to move together, in the order they were marked.
    pub marked: Vec<Id>,
    /// The changes made here, to undo and redo.
    pub history: History,
    pub bucket_offset: Cell<usize>,
    pub item_offset: Cell<usize>,
}

impl Screen for ThemesState {
    fn context(&self) -> Context {
        THEMES
    }

    fn update(&mut self, core: &mut Core, action: Action) -> Option<Nav> {
        update(self, core, action)
    }

    fn render(&self, core: &Core, area: Rect, buf: &mut Buffer) {
        view::render(self, core, area, buf);
    }

    fn can(&self, action: &Action) -> bool {
        ThemesState::can(self, action)
    }

    fn edited(&mut self, core: &mut Core, purpose: &Purpose, text: String) -> bool {
        match purpose.get::<moves::ThemesEdit>() {
            Some(p) => moves::edited(self, core, p.clone(), text),
            None => true,
        }
    }

    fn picked(&mut self, core: &mut Core, purpose: &Purpose, value: Option<Id>) -> Option<Nav> {
        if let Some(p) = purpose.get::<moves::ThemesPick>() {
            moves::picked(self, core, p.clone(), value);
        }
        None
    }

    fn refresh(&mut self, core: &mut Core) {
        if let Some(data) = load(core, self.data.session.id) {
            self.data = data;
            self.settle();
        }
    }

    fn session(&self) -> Option<Id> {
        Some(self.data.session.id)
    }

    fn return_nav(&self) -> Option<Nav> {
        Some(open(self.data.session.id, self.stage))
    }

    crate::screen_any!();
}

impl ThemesState {
    pub fn open(core: &mut Core, id: Id, stage: Option<Id>) -> Option<ThemesState> {
        Some(ThemesState {
            data: load(core, id)?,
            stage,
            pane: Pane::Themes,
            bucket: 0,
            item: 0,
            marked: Vec::new(),
            history: core.history(id),
            bucket_offset: Cell::new(0),
            item_offset: Cell::new(0),
        })
    }

    /// The listed themes, in order.
    pub fn themes(&self) -> Vec<&Theme> {
        self.data.listed_themes().collect()
    }

    /// The theme selected in the left column (`None` on "unsorted").
    pub fn theme(&self) -> Option<&Theme> {
        self.bucket
            .checked_sub(1)
            .and_then(|i| self.data.listed_themes().nth(i))
    }

    /// The unsorted bucket: the stage's contributions in the lists and in
    /// no theme, in the order of the run screen.
    pub fn unsorted(&self) -> Vec<&Contribution> {
        let tree = Tree::new(&self.data);
        let themed: HashSet<Id> = self
            .data
            .listed_themes()
            .flat_map(|t| t.items.iter().copied())
            .collect();
        self.data
            .stages
            .iter()
            .filter(|st| self.stage.is_none_or(|s| s == st.id))
            .flat_map(|st| tree.walk_stage(st.id))
            .map(|(c, _)| c)
            .filter(|c| !themed.contains(&c.id))
            .collect()
    }

    /// The items of the selected bucket (those still in the lists).
    pub fn items(&self) -> Vec<&Contribution> {
        match self.theme() {
            None => self.unsorted(),
            Some(t) => {
                let index = self.data.index();
                t.items
                    .iter()
                    .filter_map(|id| index.get(id).map(|&i| &self.data.contributions[i]))
                    .filter(|c| c.is_live())
                    .collect()
            }
        }
    }

    pub fn selected_item(&self) -> Option<Id> {
        self.items().get(self.item).map(|c| c.id)
    }

    /// What a move acts on: the marked items, else the selected one.
    pub fn targets(&self) -> Vec<Id> {
        if self.marked.is_empty() {
            self.selected_item().into_iter().collect()
        } else {
            self.marked.clone()
        }
    }

    /// What needs a theme, an item or an earlier change.
    pub fn can(&self, action: &Action) -> bool {
        match action {
            Action::Edit | Action::Delete => self.theme().is_some(),
            Action::ThemeMerge => self.theme().is_some() && self.themes().len() > 1,
            Action::ThemeSplit => !moves::split_items(self).is_empty(),
            Action::ThemeMark => self.selected_item().is_some(),
            Action::ThemePut => !self.targets().is_empty(),
            Action::ThemeOut => self
                .targets()
                .iter()
                .any(|id| self.data.theme_of(*id).is_some()),
            Action::Undo => self.history.can_undo(),
            Action::Redo => self.history.can_redo(),
            _ => true,
        }
    }

    /// Keeps the selections within the lists after a change, and only the
    /// marks on items still in the lists.
    pub fn settle(&mut self) {
        self.bucket = self.bucket.min(self.themes().len());
        self.item = self.item.min(self.items().len().saturating_sub(1));
        let index = self.data.index();
        let live = |id: &Id| {
            index
                .get(id)
                .is_some_and(|&i| self.data.contributions[i].is_live())
        };
        let kept: Vec<Id> = self.marked.iter().copied().filter(live).collect();
        self.marked = kept;
    }

    fn toggle_mark(&mut self) {
        let Some(id) = self.selected_item() else {
            return;
        };
        match self.marked.iter().position(|m| *m == id) {
            Some(at) => {
                self.marked.remove(at);
            }
            None => self.marked.push(id),
        }
        // On to the next item: marking a run of items is one key each.
        self.item = super::step(self.item, 1, self.items().len());
    }
}

fn update(s: &mut ThemesState, core: &mut Core, action: Action) -> Option<Nav> {
    let in_items = s.pane == Pane::Items;
    let len = if in_items {
        s.items().len()
    } else {
        s.themes().len() + 1
    };
    let at = if in_items { s.item } else { s.bucket };
    if let Some(to) = moved(&action, at, len) {
        if in_items {
            s.item = to;
        } else if to != s.bucket {
            s.bucket = to;
            s.item = 0;
            s.item_offset.set(0);
        }
        return None;
    }
    match action {
        Action::FocusNext | Action::FocusPrev | Action::Left | Action::Right => {
            s.pane = if in_items { Pane::Themes } else { Pane::Items };
        }
        Action::ThemeMark => {
            s.pane = Pane::Items;
            s.toggle_mark();
        }
        Action::ThemePut => moves::put(s, core),
        Action::ThemeOut => moves::take_out(s, core),
        Action::ThemeNew => moves::start_new(core),
        Action::Edit => moves::start_rename(s, core),
        Action::ThemeMerge => moves::start_merge(s, core),
        Action::ThemeSplit => moves::start_split(s, core),
        Action::Delete => moves::remove(s, core),
        Action::Undo => moves::step_history(s, core, true),
        Action::Redo => moves::step_history(s, core, false),
        Action::Back => return Some(super::run::open_at_list(s.data.session.id)),
        _ => {}
    }
    None
}
