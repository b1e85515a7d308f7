//! Themes: named groups of a session's contributions, to converge. An item
//! sits in at most one theme; the items in none are "unsorted".

use super::{Id, SessionData, Timestamp};

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub id: Id,
    pub name: String,
    /// Order among the session's themes.
    pub position: i64,
    pub created_at: Timestamp,
    /// Taken back (removed, merged into another, an undo): kept, out of
    /// the lists and reports, with no items.
    pub removed_at: Option<Timestamp>,
    /// The contributions in this theme, in order.
    pub items: Vec<Id>,
}

impl Theme {
    pub fn is_listed(&self) -> bool {
        self.removed_at.is_none()
    }
}

impl SessionData {
    /// The themes as they stand, in order: without those taken back.
    pub fn listed_themes(&self) -> impl Iterator<Item = &Theme> {
        self.themes.iter().filter(|t| t.is_listed())
    }

    /// The listed theme that holds contribution `item`, if any.
    pub fn theme_of(&self, item: Id) -> Option<&Theme> {
        self.listed_themes().find(|t| t.items.contains(&item))
    }
}
