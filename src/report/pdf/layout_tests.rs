use super::super::blocks::{self, Column};
use super::super::font::Metrics;
use super::*;

/// Lays out with `build`; returns each page's texts, footer included.
fn pages(build: impl FnOnce(&mut Layout)) -> Vec<Vec<String>> {
    let metrics = Metrics::new();
    let mut pages = Vec::new();
    let mut sink = |page: Page| {
        let texts = page
            .ops
            .into_iter()
            .filter_map(|op| match op {
                Op::Text { text, .. } => Some(text),
                Op::Rect { .. } => None,
            })
            .collect();
        pages.push(texts);
    };
    let mut layout = Layout::new(&metrics, "footer".into(), Some(99), &mut sink);
    build(&mut layout);
    layout.finish();
    pages
}

/// The page a word is on.
fn page_of(pages: &[Vec<String>], word: &str) -> usize {
    pages
        .iter()
        .position(|p| p.iter().any(|t| t.split_whitespace().any(|w| w == word)))
        .unwrap_or_else(|| panic!("{word:?} is on no page"))
}

/// Paragraphs of one line each, until the page has `room` points left.
fn fill_until(l: &mut Layout, room: f32) {
    let mut i = 0;
    while BOTTOM - l.y > room + line_height(blocks::BODY) + 5.0 {
        blocks::paragraph(l, &format!("filler {i}"));
        i += 1;
    }
}

#[test]
fn a_heading_never_ends_a_page_it_moves_with_what_follows() {
    for room in [20.0, 40.0, 60.0] {
        let pages = pages(|l| {
            fill_until(l, room);
            blocks::heading(l, 1, "Heading");
            blocks::paragraph(l, "first");
        });
        assert_eq!(
            page_of(&pages, "Heading"),
            page_of(&pages, "first"),
            "with {room} points left"
        );
    }
}

#[test]
fn a_table_row_is_never_cut_and_the_header_repeats() {
    let columns = [
        Column {
            title: "What",
            share: 0.08,
            numeric: false,
        },
        Column {
            title: "Count",
            share: 0.92,
            numeric: true,
        },
    ];
    // Each row's first cell wraps onto three lines in its narrow column.
    let rows: Vec<Vec<String>> = (0..120)
        .map(|i| vec![format!("a{i} b{i} c{i}"), i.to_string()])
        .collect();
    let pages = pages(|l| {
        blocks::heading(l, 1, "Table");
        blocks::table(l, &columns, rows);
    });
    assert!(pages.len() > 2, "the table runs over pages");
    for i in 0..120 {
        let page = page_of(&pages, &format!("a{i}"));
        assert_eq!(page, page_of(&pages, &format!("c{i}")), "row {i} cut");
    }
    for page in &pages {
        let headers = page.iter().filter(|t| *t == "What").count();
        assert_eq!(headers, 1, "one header on each page: {page:?}");
    }
}

#[test]
fn a_block_taller_than_a_page_breaks_between_its_lines() {
    let text = (0..400)
        .map(|i| format!("w{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    let pages = pages(|l| {
        blocks::table(
            l,
            &[Column {
                title: "Text",
                share: 0.1,
                numeric: false,
            }],
            vec![vec![text]],
        );
    });
    assert!(pages.len() > 1);
    for i in 0..400 {
        page_of(&pages, &format!("w{i}"));
    }
}

#[test]
fn every_page_says_its_number_and_the_count() {
    let pages = pages(|l| {
        for i in 0..100 {
            blocks::paragraph(l, &format!("filler {i}"));
        }
    });
    assert!(pages.len() >= 2);
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains(&format!("{} / 99", i + 1)), "{page:?}");
        assert!(page.contains(&"footer".to_string()));
    }
}

#[test]
fn a_right_to_left_paragraph_is_aligned_on_the_right() {
    let metrics = Metrics::new();
    let mut sink = |_: Page| {};
    let layout = Layout::new(&metrics, "footer".into(), None, &mut sink);
    let style = layout.style(Weight::Regular, 10.0);
    let placed = |text: &str| -> Vec<(f32, f32, bool)> {
        let lines = layout.text(text, style, 0.0, BODY_WIDTH, INK);
        lines
            .iter()
            .map(|line| match &line.ops[0] {
                Op::Text { x, text, rtl, .. } => (*x, x + style.width(text), *rtl),
                Op::Rect { .. } => panic!("a line of text"),
            })
            .collect()
    };
    for paragraph in ["שלום עולם ", "مرحبا بالعالم "] {
        let lines = placed(&paragraph.repeat(20));
        assert!(lines.len() > 1, "wrapped");
        for (left, right, rtl) in lines {
            assert!(rtl);
            assert!((right - (MARGIN + BODY_WIDTH)).abs() < 0.01, "{right}");
            assert!(left >= MARGIN);
        }
    }
    // Latin, or Latin first, stays on the left.
    for text in ["Hello", "Paris שלום"] {
        let (left, _, rtl) = placed(text)[0];
        assert_eq!((left, rtl), (MARGIN, false));
    }
}

#[test]
fn a_short_table_moves_whole_to_the_next_page_a_long_one_breaks_between_rows() {
    let columns = [Column {
        title: "Stage",
        share: 1.0,
        numeric: false,
    }];
    let table = |l: &mut Layout, prefix: &str, count: usize| {
        blocks::label(l, &format!("{prefix}caption"));
        let rows = (0..count).map(|i| vec![format!("{prefix}{i}")]);
        blocks::table(l, &columns, rows.collect::<Vec<_>>());
    };
    // Room for the caption, the header and about two rows.
    let short = blocks::WHOLE_TABLE_ROWS;
    let laid = pages(|l| {
        fill_until(l, 70.0);
        table(l, "s", short);
    });
    let first = page_of(&laid, "scaption");
    assert!(first > 0, "the short table moved to the next page");
    for i in 0..short {
        assert_eq!(
            page_of(&laid, &format!("s{i}")),
            first,
            "row {i} of {short}"
        );
    }
    let long = short + 1;
    let laid = pages(|l| {
        fill_until(l, 70.0);
        table(l, "l", long);
    });
    assert_ne!(page_of(&laid, "l0"), page_of(&laid, &format!("l{short}")));
}

#[test]
fn a_heading_and_its_one_line_lead_in_move_with_the_list_after_them() {
    for room in [40.0, 60.0, 80.0] {
        let pages = pages(|l| {
            fill_until(l, room);
            blocks::heading(l, 1, "Review");
            blocks::lead_in(l, "version");
            blocks::label(l, "Approved");
            blocks::bullets(l, ["first", "second"]);
        });
        let heading = page_of(&pages, "Review");
        assert_eq!(
            heading,
            page_of(&pages, "version"),
            "with {room} points left"
        );
        assert_eq!(heading, page_of(&pages, "first"), "with {room} points left");
    }
}

#[test]
fn a_chart_is_one_block_moved_whole_to_the_next_page() {
    let bars = || {
        (0..8).map(|i| blocks::Bar {
            label: format!("stage{i}"),
            fraction: 0.5,
            value: i.to_string(),
            light: false,
        })
    };
    // A chart that starts near the foot of a page: not a bar is left there.
    let pages = pages(|l| {
        fill_until(l, 60.0);
        blocks::chart(
            l,
            [
                blocks::ChartPart::Key("planned".into(), true),
                blocks::ChartPart::Space(4.0),
                blocks::ChartPart::Bars(bars().collect()),
            ],
        );
    });
    let first = page_of(&pages, "planned");
    assert!(first > 0, "the key moved with the chart");
    for i in 0..8 {
        assert_eq!(page_of(&pages, &format!("stage{i}")), first, "bar {i}");
    }
}

/// Each text's baseline, by its text, on the first page.
fn baselines(build: impl FnOnce(&mut Layout)) -> Vec<(String, f32)> {
    let metrics = Metrics::new();
    let mut out = Vec::new();
    let mut sink = |page: Page| {
        for op in page.ops {
            if let Op::Text { text, y, .. } = op {
                out.push((text, y));
            }
        }
    };
    let mut layout = Layout::new(&metrics, "footer".into(), Some(99), &mut sink);
    build(&mut layout);
    layout.finish();
    out
}

#[test]
fn a_section_heading_keeps_its_space_after_a_bare_version_line() {
    let at = |build: fn(&mut Layout)| {
        let lines = baselines(build);
        let y = |t: &str| lines.iter().find(|(x, _)| x == t).unwrap().1;
        y("Annex") - y("before")
    };
    // A version line with nothing after it, then the appendix, is as far
    // from it as from a paragraph.
    let after_version = at(|l| {
        blocks::paragraph(l, "filler");
        blocks::lead_in(l, "before");
        blocks::heading(l, 1, "Annex");
    });
    let after_paragraph = at(|l| {
        blocks::paragraph(l, "filler");
        blocks::paragraph(l, "before");
        blocks::heading(l, 1, "Annex");
    });
    assert!(
        after_version >= after_paragraph,
        "{after_version} < {after_paragraph}"
    );
}
