use super::super::blocks::{BODY, FIELD_LABEL_SIZE};
use super::super::font::Metrics;
use super::super::layout::{Layout, Mark, Op, Page};
use crate::report::outline::fixtures::sample_report;

type Texts = Vec<Vec<(String, f32, f32)>>;

/// The sample report's text ops, page by page: (text, size, y).
fn laid_out() -> Texts {
    laid_out_with_marks().0
}

fn laid_out_with_marks() -> (Texts, Vec<Mark>) {
    let r = sample_report();
    let metrics = Metrics::new();
    let mut pages = Vec::new();
    let mut sink = |page: Page| {
        let texts = page.ops.into_iter().filter_map(|op| match op {
            Op::Text { text, size, y, .. } => Some((text, size, y)),
            Op::Rect { .. } => None,
        });
        pages.push(texts.collect());
    };
    let mut layout = Layout::new(&metrics, "footer".into(), None, &mut sink);
    super::all(&r, &mut layout);
    let (_, marks) = layout.finish();
    (pages, marks)
}

#[test]
fn every_section_heading_is_a_bookmark_to_the_page_it_is_on() {
    let r = sample_report();
    let (pages, marks) = laid_out_with_marks();
    let top: Vec<&str> = marks
        .iter()
        .filter(|m| m.level == 1)
        .map(|m| m.text.as_str())
        .collect();
    let headings: Vec<String> = crate::report::sections(&r)
        .iter()
        .filter(|s| !matches!(s, crate::report::Section::Cover(_)))
        .map(|s| s.heading(&r))
        .collect();
    assert_eq!(top, headings);
    assert!(
        marks.iter().any(|m| m.level == 2),
        "parts are bookmarked too"
    );
    for mark in &marks {
        let page = &pages[mark.page];
        let drawn = page.iter().find(|(t, ..)| *t == mark.text);
        let (_, _, y) = drawn.unwrap_or_else(|| panic!("{mark:?} is not on its page"));
        assert!(*y >= mark.y && *y - mark.y < 30.0, "{mark:?} at {y}");
    }
}

#[test]
fn the_cover_is_a_block_of_small_labels_beside_body_text_not_headings() {
    let r = sample_report();
    let pages = laid_out();
    let first = &pages[0];
    let find = |text: &str| {
        first
            .iter()
            .find(|(t, ..)| t == text)
            .unwrap_or_else(|| panic!("{text:?} not on the cover: {first:?}"))
    };
    let (_, size, participants_y) = find(r.label("participants"));
    assert_eq!(*size, FIELD_LABEL_SIZE);
    let (_, size, _) = find(r.label("lead"));
    assert_eq!(*size, FIELD_LABEL_SIZE);
    // The value beside its label, in body text, on the same line.
    let names = first
        .iter()
        .find(|(t, ..)| t.starts_with(r.participants[0].as_str()))
        .expect("the roster");
    assert_eq!(names.1, BODY);
    assert!((names.2 - participants_y).abs() < 2.0, "{names:?}");
    // Nothing but the title is larger than body text before the question.
    let question = first.iter().position(|(t, ..)| t == r.label("question"));
    let before = &first[1..question.expect("the question on page 1")];
    assert!(
        before.iter().all(|(_, size, _)| *size <= BODY),
        "{before:?}"
    );
}

#[test]
fn the_log_is_a_table_with_the_stage_of_each_entry() {
    let r = sample_report();
    let pages = laid_out();
    let last = pages.last().unwrap();
    let word = |key| crate::i18n::t(r.language, key);
    let row_of = |text: &str| {
        last.iter()
            .find(|(t, ..)| t == text)
            .unwrap_or_else(|| panic!("{text:?} not on the last page"))
            .2
    };
    let header = row_of(word("sections.log_time"));
    assert_eq!(row_of(r.label("stage")), header);
    assert_eq!(row_of(word("sections.log_text")), header);
    let stage = &r.ideas[0].stage;
    assert!(
        last.iter().any(|(t, ..)| t == stage),
        "{stage:?} in {last:?}"
    );
}

#[test]
fn the_statistics_draw_planned_and_actual_time_per_stage_as_bars() {
    let r = sample_report();
    let metrics = Metrics::new();
    let mut light_bars = 0;
    let mut sink = |page: Page| {
        light_bars += page
            .ops
            .iter()
            .filter(|op| matches!(op, Op::Rect { color, h, .. } if *color == super::super::blocks::LIGHT && *h == 8.0))
            .count();
    };
    let mut layout = Layout::new(&metrics, "footer".into(), None, &mut sink);
    super::super::tables::statistics(&r, "Annexe", &mut layout);
    layout.finish();
    let stages = r.stats.time.stages.len();
    assert!(stages > 1);
    // One light (planned) bar per stage, and the legend's swatch.
    assert_eq!(light_bars, stages + 1);
}

#[test]
fn the_review_heading_and_its_version_line_move_with_the_sign_offs() {
    let r = sample_report();
    let v = crate::report::ReviewView {
        heading: "Review".into(),
        version: "Validated".into(),
        number: 2,
        validated: true,
        iso_date: "2026-11-29".into(),
        sign_offs_heading: "Approved".into(),
        sign_offs: vec!["Ana".into(), "Ben".into()],
        applied_heading: "Applied".into(),
        applied: Vec::new(),
    };
    let metrics = Metrics::new();
    for room in [40.0, 60.0, 80.0] {
        let mut pages: Vec<Vec<String>> = Vec::new();
        let mut sink = |page: Page| {
            let texts = page.ops.into_iter().filter_map(|op| match op {
                Op::Text { text, .. } => Some(text),
                Op::Rect { .. } => None,
            });
            pages.push(texts.collect());
        };
        let mut layout = Layout::new(&metrics, "footer".into(), None, &mut sink);
        layout.fill_for_test(room);
        super::review(&r, &v, &mut layout);
        layout.finish();
        let page = |word: &str| pages.iter().position(|p| p.iter().any(|t| t == word));
        assert_eq!(page("Review"), page("Ana"), "with {room} points left");
        assert_eq!(page("Validated"), page("Ana"), "with {room} points left");
    }
}
