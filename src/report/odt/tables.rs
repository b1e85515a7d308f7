//! The ODT report's sections that are tables: who does what, the vote,
//! participation and the statistics. Widths add up to the page's 17 cm.

use super::doc::{Cell, Column, Doc};
use crate::report::votes::RankedItem;
use crate::report::{Count, Report};
use std::io;

type Out = io::Result<()>;

pub fn text<'a>(heading: &'a str, width: &'static str) -> Column<'a> {
    Column {
        heading,
        width,
        numeric: false,
    }
}

pub fn number<'a>(heading: &'a str, width: &'static str) -> Column<'a> {
    Column {
        heading,
        width,
        numeric: true,
    }
}

/// Actions, "qui fait quoi": what, who, by when, status.
pub fn actions(d: &mut Doc, r: &Report) -> Out {
    if r.actions.is_empty() {
        return Ok(());
    }
    d.heading(1, r.label("actions"))?;
    let columns = [
        text(r.label("action_what"), "Col_8_5"),
        text(r.label("action_who"), "Col_3_5"),
        text(r.label("action_due"), "Col_2_5"),
        text(r.label("action_status"), "Col_2_5"),
    ];
    let rows: Vec<Vec<Cell>> = r
        .actions
        .iter()
        .map(|a| {
            vec![
                Cell::Text(&a.text),
                Cell::Text(a.who.as_deref().unwrap_or("")),
                Cell::Text(a.due.as_deref().unwrap_or("")),
                Cell::Text(&a.status),
            ]
        })
        .collect();
    d.table("Actions", &columns, &rows, false)
}

/// The dot vote: voted items by rank, ties sharing theirs.
pub fn votes(d: &mut Doc, r: &Report) -> Out {
    let v = &r.votes;
    if v.ranking.is_empty() {
        return Ok(());
    }
    d.heading(1, &v.heading)?;
    if !v.summary.trim().is_empty() {
        d.paragraph("Text_20_body", &v.summary)?;
    }
    ranking(d, "Votes", &v.ranking, &v.columns)?;
    theme_votes(d, r)
}

/// The themes ranked by their items' dots, under the items' ranking.
fn theme_votes(d: &mut Doc, r: &Report) -> Out {
    let v = &r.theme_votes;
    if v.ranking.is_empty() {
        return Ok(());
    }
    d.heading(2, &v.heading)?;
    ranking(d, "Theme_votes", &v.ranking, &v.columns)
}

/// A ranking by dots (of items or of themes) as a table named `name`.
fn ranking(d: &mut Doc, name: &str, ranking: &[RankedItem], columns: &[String; 3]) -> Out {
    let [rank, what, dots] = columns;
    let columns = [
        text(rank, "Col_2_5"),
        text(what, "Col_11_5"),
        number(dots, "Col_3"),
    ];
    let rows: Vec<Vec<Cell>> = ranking
        .iter()
        .map(|row| {
            vec![
                Cell::Text(&row.place),
                Cell::Text(&row.text),
                Cell::Count(row.dots as usize),
            ]
        })
        .collect();
    d.table(name, &columns, &rows, false)
}

/// Who spoke how much; only the totals when the session is anonymous
/// (the view model then holds no row per person).
fn participation(d: &mut Doc, r: &Report) -> Out {
    let p = &r.participation;
    if p.people == 0 || p.total == 0 {
        return Ok(());
    }
    d.heading(2, r.label("participation"))?;
    if !p.summary.trim().is_empty() {
        d.paragraph("Text_20_body", &p.summary)?;
    }
    if p.bars.is_empty() {
        return Ok(());
    }
    let columns = [
        text(r.label("participant"), "Col_9"),
        number(r.label("count"), "Col_4"),
        text(r.label("share"), "Col_4"),
    ];
    let shares: Vec<String> = p
        .bars
        .iter()
        .map(|bar| match bar.under {
            true => format!("{} % ({})", bar.percent, r.label("under_share")),
            false => format!("{} %", bar.percent),
        })
        .collect();
    let rows: Vec<Vec<Cell>> = p
        .bars
        .iter()
        .zip(&shares)
        .map(|(bar, share)| {
            vec![
                Cell::Text(&bar.label),
                Cell::Count(bar.count),
                Cell::Text(share),
            ]
        })
        .collect();
    d.table("Participation", &columns, &rows, false)
}

/// Counts per participant, stage and kind, then time per stage.
pub fn statistics(d: &mut Doc, r: &Report, heading: &str) -> Out {
    d.heading(1, heading)?;
    participation(d, r)?;
    let s = &r.stats;
    let count = r.label("count");
    for (name, caption, first, rows) in [
        (
            "By_participant",
            "by_participant",
            "participant",
            &s.by_participant,
        ),
        ("By_stage", "by_stage", "stage", &s.by_stage),
        ("By_kind", "by_kind", "kind", &s.by_kind),
        ("By_origin", "by_origin", "origin", &s.by_origin),
    ] {
        counts(d, name, r.label(caption), [r.label(first), count], rows)?;
    }
    if let Some(room) = &s.room_inputs {
        d.paragraph("Text_20_body", &room.text)?;
    }
    time(d, r)
}

/// One table of counts named `name` under its own heading (`caption`):
/// what is counted, how many.
pub fn counts(
    d: &mut Doc,
    name: &str,
    caption: &str,
    [first, count]: [&str; 2],
    rows: &[Count],
) -> Out {
    if rows.is_empty() {
        return Ok(());
    }
    d.heading(3, caption)?;
    let columns = [text(first, "Col_12"), number(count, "Col_5")];
    let rows: Vec<Vec<Cell>> = rows
        .iter()
        .map(|row| vec![Cell::Text(&row.label), Cell::Count(row.count)])
        .collect();
    d.table(name, &columns, &rows, false)
}

/// Planned against actual minutes per stage, then the total.
fn time(d: &mut Doc, r: &Report) -> Out {
    let time = &r.stats.time;
    if time.stages.is_empty() {
        return Ok(());
    }
    d.heading(3, r.label("time_by_stage"))?;
    let columns = [
        text(r.label("stage"), "Col_9"),
        number(r.label("planned"), "Col_4"),
        number(r.label("actual"), "Col_4"),
    ];
    let mut rows: Vec<Vec<Cell>> = time
        .stages
        .iter()
        .map(|row| {
            vec![
                Cell::Text(&row.label),
                Cell::Count(row.planned as usize),
                Cell::Count(row.actual as usize),
            ]
        })
        .collect();
    rows.push(vec![
        Cell::Text(r.label("total")),
        Cell::Count(time.planned as usize),
        Cell::Count(time.actual as usize),
    ]);
    d.table("Time_by_stage", &columns, &rows, true)
}
