//! The HTML report read back by a real HTML parser (html5ever).

use super::render;
use crate::model::MAX_DEPTH;
use crate::report::outline::fixtures::{chain, depths, item, sample_report, tree};
use proptest::prelude::*;
use scraper::{ElementRef, Html, Selector};

/// The texts of the ideas section in document order, each with the
/// number of lists it sits in.
fn idea_depths(html: &str) -> Vec<(String, usize)> {
    let doc = Html::parse_document(html);
    let li = Selector::parse("section.ideas li").unwrap();
    let text = Selector::parse(":scope > span.text").unwrap();
    doc.select(&li)
        .map(|li| {
            let lists = li
                .ancestors()
                .filter_map(ElementRef::wrap)
                .filter(|e| e.value().name() == "ul")
                .count();
            let own = li.select(&text).next().map(|t| t.text().collect());
            (own.unwrap_or_default(), lists)
        })
        .collect()
}

#[test]
fn a_chain_far_past_the_template_recursion_limit_renders() {
    let mut r = sample_report();
    r.ideas = chain(2_000);
    let depths = idea_depths(&render(r));
    assert_eq!(depths.len(), 2_001);
    for (i, (text, lists)) in depths.iter().enumerate() {
        assert_eq!(text, &format!("item {i}"));
        assert_eq!(*lists, i.min(MAX_DEPTH) + 1, "item {i}");
    }
}

#[test]
fn control_characters_and_bidi_overrides_never_reach_the_page() {
    let mut r = sample_report();
    r.title = "title\u{1b}]0;pwned\u{7}".into();
    r.ideas = vec![item("a\u{9b}2J\u{202e}b\nline two", Vec::new())];
    let html = render(r);
    assert!(!html.chars().any(|c| crate::text::is_unsafe(c) && c != '\n'));
    assert!(html.contains("title\u{FFFD}]0;pwned\u{FFFD}"));
    assert!(html.contains("a\u{FFFD}2J\u{FFFD}b\nline two"));
}

proptest! {
    #[test]
    fn any_nesting_renders_each_item_at_its_capped_depth(
        steps in prop::collection::vec((any::<bool>(), 0usize..4), 1..120)
    ) {
        let depths = depths(&steps);
        let mut r = sample_report();
        r.ideas = tree(&depths);
        let shown: Vec<(String, usize)> = depths
            .iter()
            .enumerate()
            .map(|(i, d)| (format!("item {i}"), d.min(&MAX_DEPTH) + 1))
            .collect();
        prop_assert_eq!(idea_depths(&render(r)), shown);
    }
}
