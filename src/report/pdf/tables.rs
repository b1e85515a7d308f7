//! The report's tables and charts as PDF: actions, the vote ranking,
//! participation and the statistics appendix.

use super::blocks::{chart, heading, label, note, paragraph, table, Bar, ChartPart, Column};
use super::layout::Layout;
use crate::report::votes::RankedItem;
use crate::report::{Count, Report};

/// Who does what by when.
pub fn actions(r: &Report, l: &mut Layout) {
    if r.actions.is_empty() {
        return;
    }
    heading(l, 1, r.label("actions"));
    let columns = [
        column(r.label("action_what"), 0.46, false),
        column(r.label("action_who"), 0.22, false),
        column(r.label("action_due"), 0.14, false),
        column(r.label("action_status"), 0.18, false),
    ];
    let rows = r.actions.iter().map(|a| {
        vec![
            a.text.clone(),
            a.who.clone().unwrap_or_default(),
            a.due.clone().unwrap_or_default(),
            a.status.clone(),
        ]
    });
    table(l, &columns, rows);
}

/// The dot vote: a bar per voted item, then the ranking as a table.
pub fn votes(r: &Report, l: &mut Layout) {
    let v = &r.votes;
    if v.ranking.is_empty() {
        return;
    }
    heading(l, 1, &v.heading);
    note(l, &v.summary);
    ranking(l, &v.ranking, &v.columns);
    theme_votes(r, l);
}

/// The themes ranked by their items' dots, under the items' ranking.
fn theme_votes(r: &Report, l: &mut Layout) {
    let v = &r.theme_votes;
    if v.ranking.is_empty() {
        return;
    }
    heading(l, 2, &v.heading);
    ranking(l, &v.ranking, &v.columns);
}

/// A ranking by dots (of items or of themes): a bar each, then a table.
fn ranking(l: &mut Layout, ranking: &[RankedItem], [rank, what, dots]: &[String; 3]) {
    let most = ranking.iter().map(|i| i.dots).max().unwrap_or(1).max(1);
    let bars = ranking.iter().map(|i| Bar {
        label: format!("{}. {}", i.place, i.text),
        fraction: i.dots as f32 / most as f32,
        value: i.dots.to_string(),
        light: false,
    });
    chart(l, [ChartPart::Bars(bars.collect())]);
    let columns = [
        column(rank, 0.17, false),
        column(what, 0.67, false),
        column(dots, 0.16, true),
    ];
    let rows = ranking
        .iter()
        .map(|i| vec![i.place.clone(), i.text.clone(), i.dots.to_string()]);
    table(l, &columns, rows);
}

/// Who spoke how much: a bar per person (none when anonymous, where the
/// view model keeps totals only).
fn participation(r: &Report, l: &mut Layout) {
    let p = &r.participation;
    if p.people == 0 || p.total == 0 {
        return;
    }
    heading(l, 2, r.label("participation"));
    note(l, &p.summary);
    let most = p.bars.iter().map(|b| b.count).max().unwrap_or(1).max(1);
    let bars = p.bars.iter().map(|b| Bar {
        label: b.label.clone(),
        fraction: b.count as f32 / most as f32,
        value: format!("{} · {} %", b.count, b.percent),
        light: b.under,
    });
    let mut parts = vec![ChartPart::Bars(bars.collect())];
    if p.bars.iter().any(|b| b.under) {
        // What a light bar means, after the chart.
        parts.push(ChartPart::Space(8.0));
        parts.push(ChartPart::Key(r.label("under_share").to_string(), true));
    }
    chart(l, parts);
}

/// The appendix: counts per participant, stage and kind, and the time
/// each stage took against its plan.
pub fn statistics(r: &Report, title: &str, l: &mut Layout) {
    heading(l, 1, title);
    participation(r, l);
    let s = &r.stats;
    let count = r.label("count");
    for (caption, first, rows) in [
        ("by_participant", "participant", &s.by_participant),
        ("by_stage", "stage", &s.by_stage),
        ("by_kind", "kind", &s.by_kind),
        ("by_origin", "origin", &s.by_origin),
    ] {
        counts(l, r.label(caption), [r.label(first), count], rows);
    }
    if let Some(room) = &s.room_inputs {
        paragraph(l, &room.text);
    }
    let time = &s.time;
    if time.stages.is_empty() {
        return;
    }
    label(l, r.label("time_by_stage"));
    time_chart(r, l);
    let columns = [
        column(r.label("stage"), 0.6, false),
        column(r.label("planned"), 0.2, true),
        column(r.label("actual"), 0.2, true),
    ];
    let rows = time
        .stages
        .iter()
        .map(|t| vec![t.label.clone(), t.planned.to_string(), t.actual.to_string()])
        .chain(std::iter::once(vec![
            r.label("total").to_string(),
            time.planned.to_string(),
            time.actual.to_string(),
        ]));
    table(l, &columns, rows);
}

/// Planned against actual minutes per stage, as the HTML's chart: a
/// light bar for the plan, a dark one for what it took, under a legend.
fn time_chart(r: &Report, l: &mut Layout) {
    let stages = &r.stats.time.stages;
    let most = stages.iter().map(|t| t.planned.max(t.actual)).max();
    let Some(most) = most.filter(|m| *m > 0) else {
        return;
    };
    let fraction = |minutes: u32| minutes as f32 / most as f32;
    let bars = stages.iter().flat_map(|t| {
        [
            Bar {
                label: t.label.clone(),
                fraction: fraction(t.planned),
                value: t.planned.to_string(),
                light: true,
            },
            Bar {
                label: String::new(),
                fraction: fraction(t.actual),
                value: t.actual.to_string(),
                light: false,
            },
        ]
    });
    chart(
        l,
        [
            ChartPart::Key(r.label("planned").to_string(), true),
            ChartPart::Key(r.label("actual").to_string(), false),
            ChartPart::Space(4.0),
            ChartPart::Bars(bars.collect()),
        ],
    );
}

/// A table of counts under its caption: what is counted, how many.
pub fn counts(l: &mut Layout, caption: &str, [first, count]: [&str; 2], rows: &[Count]) {
    if rows.is_empty() {
        return;
    }
    label(l, caption);
    let columns = [column(first, 0.75, false), column(count, 0.25, true)];
    table(
        l,
        &columns,
        rows.iter()
            .map(|c| vec![c.label.clone(), c.count.to_string()]),
    );
}

pub fn column(title: &str, share: f32, numeric: bool) -> Column<'_> {
    Column {
        title,
        share,
        numeric,
    }
}
