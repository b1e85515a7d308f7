//! The HTML page's item lists and chronological log, handed to the
//! template as objects that make each row only when the loop reaches it.
//! Converted up front, every row became a map of template values beside
//! the report it was read from: on a 100,000-item session that copy
//! weighed more than the report itself. The rows are the same either way.

use super::{flatten, Item, Report, Section};
use minijinja::value::{Enumerator, Object, ObjectExt, ObjectRepr, Serde, Value};
use serde::Serialize;
use std::sync::Arc;

/// Which of the report's item lists a template loop walks.
#[derive(Debug, Clone, Copy)]
pub(super) enum List {
    /// The items of the discussion's group at this index.
    Discussion(usize),
    Spoken,
    Ideas,
    Resources,
    Parking,
    Trace,
    /// The items of the theme at this index.
    Theme(usize),
    /// The items of one group (second index) of one 1-2-4-All stage.
    Shared(usize, usize),
    /// Every item the report shows, oldest first (the appendix's log).
    Log,
}

impl List {
    fn items(self, r: &Report) -> &[Item] {
        match self {
            List::Discussion(i) => &r.discussion[i].items,
            List::Spoken => &r.spoken,
            List::Ideas => &r.ideas,
            List::Resources => &r.resources,
            List::Parking => &r.parking,
            List::Trace => &r.trace.chains,
            List::Theme(i) => &r.themes[i].items,
            List::Shared(stage, group) => &r.shared[stage].groups[group].items,
            List::Log => &[],
        }
    }

    /// The list as a template value over the shared report.
    pub(super) fn rows(self, report: &Arc<Report>) -> Value {
        Value::from_object(Rows {
            report: Arc::clone(report),
            list: self,
        })
    }
}

/// A list's rows, made as the template iterates.
#[derive(Debug)]
struct Rows {
    report: Arc<Report>,
    list: List,
}

impl Object for Rows {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Iterable
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        self.mapped_enumerator(|this| match this.list {
            List::Log => {
                let entries = log(&this.report);
                Box::new(entries.into_iter().map(|i| row_value(&LogRow::of(i))))
            }
            list => {
                let flat = flatten(list.items(&this.report));
                Box::new((0..flat.len()).map(move |i| row_value(&Row::at(&flat, i))))
            }
        })
    }
}

fn row_value(row: &impl Serialize) -> Value {
    Value::from(Serde(row))
}

/// The log's entries, in the order of [`super::sections`]' log.
pub(super) fn log(r: &Report) -> Vec<&Item> {
    super::sections(r)
        .into_iter()
        .find_map(|s| match s {
            Section::Log(entries) => Some(entries),
            _ => None,
        })
        .unwrap_or_default()
}

/// One row of the chronological log.
#[derive(Serialize)]
struct LogRow<'a> {
    time: &'a str,
    created_at: &'a str,
    stage: &'a str,
    kind: &'a str,
    text: &'a str,
    author: Option<&'a str>,
    mark: Option<&'a str>,
}

impl<'a> LogRow<'a> {
    fn of(i: &'a Item) -> LogRow<'a> {
        LogRow {
            time: &i.time,
            created_at: &i.created_at,
            stage: &i.stage,
            kind: i.kind_label,
            text: &i.text,
            author: i.author.as_deref(),
            mark: i.room_mark.as_deref(),
        }
    }
}

/// One `<li>` of a nested list. After its text the row either `opens` the
/// list of its children or ends its `<li>` and `closes` that many
/// enclosing lists (each with its parent's `<li>`).
#[derive(Serialize)]
struct Row<'a> {
    text: &'a str,
    author: Option<&'a str>,
    kind: Option<&'a str>,
    opens: bool,
    closes: usize,
    mark: Option<&'a str>,
}

impl<'a> Row<'a> {
    /// The row of the `i`th item of a flattened list.
    fn at(flat: &[(&'a Item, usize)], i: usize) -> Row<'a> {
        let (item, depth) = flat[i];
        let next = flat.get(i + 1).map_or(0, |(_, d)| *d);
        Row {
            text: &item.text,
            author: item.author.as_deref(),
            kind: item.kind,
            mark: item.room_mark.as_deref(),
            opens: next > depth,
            closes: depth.saturating_sub(next),
        }
    }
}
