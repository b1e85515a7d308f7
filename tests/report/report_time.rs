//! Planned against actual time per stage in the statistics of every
//! report format (Markdown, HTML, report JSON), from the one view model;
//! the CSV stays one row per contribution.

use crate::common;

use atelier::model::{Lang, Segment, SessionData};
use atelier::report::{render, Format, Report};
use chrono::Duration;

/// The sample with two stages timed exactly: the first planned 10 and run
/// 8 + 4½ minutes (two segments), the second planned 15 and still running
/// since 20 minutes before the session's last change.
fn timed(lang: Lang) -> SessionData {
    let mut data = common::sample_data();
    data.session.language = lang;
    let end = data.session.updated_at;
    let at =
        |m: i64, s: i64| end - Duration::minutes(60) + Duration::minutes(m) + Duration::seconds(s);
    for stage in &mut data.stages {
        stage.segments.clear();
        stage.planned_minutes = 0;
    }
    data.stages[0].planned_minutes = 10;
    data.stages[0].title = "Opening | <b>".into();
    data.stages[0].segments = vec![
        Segment {
            started_at: at(0, 0),
            ended_at: Some(at(8, 0)),
        },
        Segment {
            started_at: at(20, 0),
            ended_at: Some(at(24, 29)),
        },
    ];
    data.stages[1].planned_minutes = 15;
    data.stages[1].segments = vec![Segment {
        started_at: at(40, 0),
        ended_at: None,
    }];
    data
}

#[test]
fn the_view_model_counts_minutes_per_stage_and_the_session() {
    let r = Report::build(&timed(Lang::En));
    let rows: Vec<(u32, u32)> = r
        .stats
        .time
        .stages
        .iter()
        .map(|s| (s.planned, s.actual))
        .collect();
    // 12:29 rounds to 12; the open segment counts up to the last change.
    assert_eq!(rows[..2], [(10, 12), (15, 20)]);
    assert!(rows[2..].iter().all(|&r| r == (0, 0)));
    assert_eq!(rows.len(), r.stats.by_stage.len(), "every stage");
    assert_eq!((r.stats.time.planned, r.stats.time.actual), (25, 32));
}

#[test]
fn markdown_has_a_planned_and_actual_table_in_both_languages() {
    let md = render(Format::Markdown, &timed(Lang::En));
    assert!(
        md.contains("**Time per stage, planned and actual**"),
        "{md}"
    );
    assert!(md.contains("| Stage | Planned (min) | Actual (min) |"));
    // The title is escaped as every table cell is (a "|" cannot split it).
    assert!(md.contains("| Opening &#124; &lt;b> | 10 | 12 |"), "{md}");
    assert!(md.contains("| **Total** | **25** | **32** |"));
    let md = render(Format::Markdown, &timed(Lang::Fr));
    assert!(md.contains("| Étape | Prévu (min) | Réel (min) |"), "{md}");
}

#[test]
fn html_has_the_table_with_its_total_and_escapes_titles() {
    let html = render(Format::Html, &timed(Lang::Fr));
    assert!(html.contains("<h3>Temps par étape, prévu et réel</h3>"));
    assert!(html.contains(
        "<tr><td>Opening | &lt;b&gt;</td><td class=\"num\">10</td><td class=\"num\">12</td></tr>"
    ));
    assert!(html.contains(
        "<tfoot><tr><th scope=\"row\">Total</th><td class=\"num\">25</td><td class=\"num\">32</td></tr></tfoot>"
    ));
    // A small table stays whole on paper: its total never starts a page.
    assert!(html.contains("<table class=\"keep\">\n    <thead><tr><th scope=\"col\">Étape</th>"));
    assert!(!html.contains("<b>"));
}

#[test]
fn report_json_has_the_minutes_and_csv_keeps_one_row_per_contribution() {
    let data = timed(Lang::En);
    let json: serde_json::Value = serde_json::from_str(&render(Format::Json, &data)).unwrap();
    let stats = &json["stats"];
    assert_eq!(
        stats["time_by_stage"][1],
        serde_json::json!({
            "label": data.stages[1].title,
            "planned_minutes": 15,
            "actual_minutes": 20
        })
    );
    assert_eq!(stats["planned_minutes"], 25);
    assert_eq!(stats["actual_minutes"], 32);
    let csv = render(Format::Csv, &data);
    assert!(!csv.contains("Planned"));
    assert_eq!(csv.lines().count(), data.live().count() + 1);
}
