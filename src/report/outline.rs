//! An item tree as a flat list, walked with an explicit stack: however deep
//! a tree is (an old database, a forged bundle), no renderer recurses on it
//! and none indents past [`MAX_DEPTH`].

use super::Item;
use crate::model::MAX_DEPTH;

/// Every item of `list` and under it, parents first, each with the depth
/// to show it at: its nesting (top level 0), capped at `MAX_DEPTH` so that
/// deeper items line up as siblings on the last level.
pub fn flatten(list: &[Item]) -> Vec<(&Item, usize)> {
    let mut out = Vec::new();
    let mut stack = vec![list.iter()];
    while let Some(level) = stack.last_mut() {
        let Some(item) = level.next() else {
            stack.pop();
            continue;
        };
        out.push((item, (stack.len() - 1).min(MAX_DEPTH)));
        if !item.children.is_empty() {
            stack.push(item.children.iter());
        }
    }
    out
}

/// Reports and item trees for the renderers' tests.
#[cfg(test)]
pub(crate) mod fixtures {
    use super::Item;
    use crate::report::Report;

    pub fn item(text: &str, children: Vec<Item>) -> Item {
        Item {
            text: text.into(),
            author: None,
            kind: None,
            children,
            ..Default::default()
        }
    }

    /// The sample session's report.
    pub fn sample_report() -> Report {
        let text = include_str!("../../sessions/atelier-5-emergence-session-1.json");
        let catalog = crate::templates::Catalog::built_in();
        let data = crate::bundle::parse("sample", text, &catalog).expect("sample parses");
        Report::build(&data)
    }

    /// A tree whose items, in walk order, sit at `depths` (each at most
    /// one deeper than the one before), texts numbered in that order.
    pub fn tree(depths: &[usize]) -> Vec<Item> {
        let mut levels: Vec<Vec<Item>> = vec![Vec::new()];
        for (i, &depth) in depths.iter().enumerate() {
            let depth = depth.min(levels.len());
            while levels.len() > depth + 1 {
                close(&mut levels);
            }
            if levels.len() == depth {
                levels.push(Vec::new());
            }
            levels[depth].push(item(&format!("item {i}"), Vec::new()));
        }
        while levels.len() > 1 {
            close(&mut levels);
        }
        levels.pop().unwrap_or_default()
    }

    fn close(levels: &mut Vec<Vec<Item>>) {
        let children = levels.pop().unwrap_or_default();
        if let Some(parent) = levels.last_mut().and_then(|l| l.last_mut()) {
            parent.children = children;
        }
    }

    /// Depths of a walk: each step goes one level deeper, or up by some
    /// levels (stopping at the top).
    pub fn depths(steps: &[(bool, usize)]) -> Vec<usize> {
        let mut out: Vec<usize> = vec![0];
        for &(deeper, up) in steps {
            let last = out[out.len() - 1];
            out.push(if deeper {
                last + 1
            } else {
                last.saturating_sub(up)
            });
        }
        out
    }

    /// One item under another, `depth` levels below the top one.
    pub fn chain(depth: usize) -> Vec<Item> {
        tree(&(0..=depth).collect::<Vec<_>>())
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::{chain, item, tree};
    use super::*;

    #[test]
    fn parents_come_first_with_their_depth() {
        let tree = vec![
            item(
                "a",
                vec![item("a1", vec![item("a1x", vec![])]), item("a2", vec![])],
            ),
            item("b", vec![]),
        ];
        let flat: Vec<(&str, usize)> = flatten(&tree)
            .into_iter()
            .map(|(i, d)| (i.text.as_str(), d))
            .collect();
        assert_eq!(flat, [("a", 0), ("a1", 1), ("a1x", 2), ("a2", 1), ("b", 0)]);
    }

    #[test]
    fn depth_stops_at_the_limit() {
        let deep = chain(MAX_DEPTH + 5);
        let flat = flatten(&deep);
        assert_eq!(flat.len(), MAX_DEPTH + 6);
        let depths: Vec<usize> = flat.iter().map(|(_, d)| *d).collect();
        assert_eq!(
            depths[MAX_DEPTH - 1..MAX_DEPTH + 1],
            [MAX_DEPTH - 1, MAX_DEPTH]
        );
        assert_eq!(depths.iter().max(), Some(&MAX_DEPTH));
        assert_eq!(
            flat.last().unwrap().0.text,
            format!("item {}", MAX_DEPTH + 5)
        );
    }

    #[test]
    fn a_tree_built_from_depths_walks_back_to_them() {
        let depths = [0, 1, 2, 2, 1, 0, 1, 2, 3, 0];
        let walked: Vec<usize> = flatten(&tree(&depths)).iter().map(|(_, d)| *d).collect();
        assert_eq!(walked, depths);
    }
}
