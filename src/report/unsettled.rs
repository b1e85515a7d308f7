//! The one rule for merge conflicts in what participants read. While the
//! organiser has not settled a conflict (see `bundle::merge`), the session
//! holds the item twice: the text here and a copy with the other laptop's
//! text. Participants read the item once, with the text here, as settling
//! with "mine" would leave it: the copy, and anything added under it, is
//! read as not there. Every part of a report (items, statistics,
//! participation, votes, themes, traces) and the review's content hash
//! read the session through this, so they all agree; the facilitator's
//! views (the run screen, `show`'s list, `atelier conflicts`) still show
//! both texts.

use crate::model::{merge::open_copies, SessionData, Tree};
use std::borrow::Cow;
use std::collections::HashSet;

/// `data` as a report reads it: the session itself when no conflict is
/// open (the common case costs nothing), else a copy in which each open
/// conflict's copy and its sub-points are set aside as deleted ones are.
pub(super) fn as_read(data: &SessionData) -> Cow<'_, SessionData> {
    let copies = open_copies(data);
    if copies.is_empty() {
        return Cow::Borrowed(data);
    }
    let tree = Tree::new(data);
    let aside: HashSet<_> = data
        .live()
        .filter(|c| copies.contains(&c.id))
        .flat_map(|copy| tree.walk(copy, 0))
        .map(|(c, _)| c.id)
        .collect();
    let mut read = data.clone();
    for c in read
        .contributions
        .iter_mut()
        .filter(|c| aside.contains(&c.id))
    {
        c.deleted_at = Some(c.updated_at);
    }
    Cow::Owned(read)
}

/// How many conflicts of `data` are open: what `export` warns about.
pub fn open_count(data: &SessionData) -> usize {
    open_copies(data).len()
}
