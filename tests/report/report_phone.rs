//! The HTML report on a phone: a wide table (actions, log) stacks each
//! row as labelled lines there, so every cell carries its column's title;
//! a chart sits in its own box, which scrolls instead of the page (its
//! labels keep their size). Parsed with an HTML5 parser (scraper).

use crate::common;
use atelier::report::{render, Format};
use scraper::{Html, Selector};

#[test]
fn every_cell_of_a_wide_table_carries_its_columns_title() {
    let html = Html::parse_document(&render(Format::Html, &common::sample_data()));
    let tables = Selector::parse("table.wide").unwrap();
    let th = Selector::parse("thead th").unwrap();
    let tr = Selector::parse("tbody tr").unwrap();
    let td = Selector::parse("td").unwrap();
    let mut checked = 0;
    for table in html.select(&tables) {
        let titles: Vec<String> = table.select(&th).map(|h| h.text().collect()).collect();
        for row in table.select(&tr) {
            let labels: Vec<&str> = row
                .select(&td)
                .map(|c| c.value().attr("data-label").unwrap_or_default())
                .collect();
            assert_eq!(labels, titles);
            checked += 1;
        }
    }
    assert!(checked > 10, "the sample's log has rows");
}

#[test]
fn each_chart_sits_in_a_box_of_its_own() {
    let html = Html::parse_document(&render(Format::Html, &common::sample_data()));
    let svgs = Selector::parse("svg").unwrap();
    let mut count = 0;
    for svg in html.select(&svgs) {
        let parent = svg.parent().and_then(scraper::ElementRef::wrap).unwrap();
        assert_eq!(parent.value().attr("class"), Some("chart"));
        count += 1;
    }
    assert!(count > 0, "the sample has a time chart");
}
