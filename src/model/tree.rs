use super::{Contribution, Id, SessionData};
use std::collections::HashMap;

/// The deepest a sub-point may sit under a top-level contribution (a
/// top-level item is at depth 0). Real workshops stay within three or four
/// levels; the limit keeps every renderer, the screen and the store's
/// walks bounded whatever a bundle or a key-repeat tries. The store, the
/// bundle import and the TUI's indent all refuse to go deeper.
pub const MAX_DEPTH: usize = 12;

/// The live contributions of a session as a tree, indexed once so that
/// walking it costs O(n) however deep or wide it is.
pub struct Tree<'a> {
    children: HashMap<(Id, Option<Id>), Vec<&'a Contribution>>,
}

impl<'a> Tree<'a> {
    /// The live (not deleted) contributions of a session.
    pub fn new(data: &'a SessionData) -> Tree<'a> {
        Tree::of(data.live())
    }

    /// Any set of contributions, deleted ones included if given.
    pub fn of(contributions: impl Iterator<Item = &'a Contribution>) -> Tree<'a> {
        let mut children: HashMap<(Id, Option<Id>), Vec<&Contribution>> = HashMap::new();
        for c in contributions {
            children
                .entry((c.stage_id, c.parent_id))
                .or_default()
                .push(c);
        }
        for list in children.values_mut() {
            list.sort_by_key(|c| (c.position, c.id));
        }
        Tree { children }
    }

    /// Sub-points of `parent`, or the top level of `stage` for `None`.
    pub fn children(&self, stage: Id, parent: Option<Id>) -> &[&'a Contribution] {
        self.children
            .get(&(stage, parent))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// `root` and everything under it, parents first, with their depth
    /// (`root` at `depth`).
    pub fn walk(&self, root: &'a Contribution, depth: usize) -> Vec<(&'a Contribution, usize)> {
        let mut out = Vec::new();
        let mut stack = vec![(root, depth)];
        while let Some((c, d)) = stack.pop() {
            out.push((c, d));
            for child in self.children(c.stage_id, Some(c.id)).iter().rev() {
                stack.push((child, d + 1));
            }
        }
        out
    }

    /// A whole stage, parents first, with depths.
    pub fn walk_stage(&self, stage: Id) -> Vec<(&'a Contribution, usize)> {
        self.children(stage, None)
            .iter()
            .flat_map(|top| self.walk(top, 0))
            .collect()
    }
}
