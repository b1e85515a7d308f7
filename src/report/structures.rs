//! The report's 1-2-4-All section: per stage run as a 1-2-4-All, the ideas
//! each group shared in the All step, by group. Authors go through the one
//! anonymity rule (`Names`), like every other item.

use super::view::{nest, Item, Names};
use super::Count;
use crate::i18n::{t, tf};
use crate::model::{Contribution, Lang, SessionData, Structure, Tree};
use serde::Serialize;
use std::collections::BTreeMap;

/// The ideas shared in one 1-2-4-All stage.
#[derive(Debug, Clone, Serialize)]
pub struct SharedIdeas {
    /// "Shared ideas by group — Ideas to explore".
    pub heading: String,
    pub stage: String,
    pub groups: Vec<GroupIdeas>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupIdeas {
    pub number: u32,
    /// "Group 2", in the session's language.
    pub label: String,
    pub items: Vec<Item>,
}

/// Each 1-2-4-All stage with at least one idea shared by a group, groups
/// in number order, each group's ideas (with their sub-points) in the
/// stage's order.
pub(super) fn build(data: &SessionData, names: &Names, lang: Lang) -> Vec<SharedIdeas> {
    let tree = Tree::new(data);
    data.stages
        .iter()
        .filter(|st| st.structure == Structure::OneTwoFourAll || st.one_two_four_all_ended())
        .filter_map(|st| {
            let mut groups: BTreeMap<u32, Vec<Item>> = BTreeMap::new();
            for top in tree.children(st.id, None) {
                let Some(number) = top.group else { continue };
                let walk = tree.walk(top, 0);
                let items = nest(&walk, &st.title, names, lang).into_iter();
                groups
                    .entry(number)
                    .or_default()
                    .extend(items.map(|(_, item)| item));
            }
            (!groups.is_empty()).then(|| SharedIdeas {
                heading: tf(lang, "structures.report_heading", &[("stage", &st.title)]),
                stage: st.title.clone(),
                groups: groups
                    .into_iter()
                    .map(|(number, items)| GroupIdeas {
                        number,
                        label: tf(
                            lang,
                            "structures.report_group",
                            &[("n", &number.to_string())],
                        ),
                        items,
                    })
                    .collect(),
            })
        })
        .collect()
}

/// The statistics row for contributions stored without their author
/// (none when there are none): they are no one's, and not the group's.
pub(super) fn anonymous_count(shown: &[&Contribution], lang: Lang) -> Option<Count> {
    let count = shown.iter().filter(|c| c.anonymous).count();
    (count > 0).then(|| Count {
        label: t(lang, "structures.report_anonymous_count").to_string(),
        count,
    })
}
