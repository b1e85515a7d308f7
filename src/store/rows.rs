//! Conversions between SQLite text columns and domain values.

use crate::model::{format_time, parse_time, Id, Timestamp};
use rusqlite::types::{FromSqlError, Type};
use rusqlite::Row;

/// A value this program cannot read, worded with its column and, when the
/// query starts with one, the id of its row.
fn bad(row: &Row, idx: usize, what: &str, value: &str) -> rusqlite::Error {
    let statement = row.as_ref();
    let column = statement.column_name(idx).unwrap_or("?");
    let of_row = match statement.column_name(0) {
        Ok(name) if name.ends_with("id") => {
            format!(" of row {}", row.get::<_, String>(0).unwrap_or_default())
        }
        _ => String::new(),
    };
    rusqlite::Error::FromSqlConversionFailure(
        idx,
        Type::Text,
        Box::new(FromSqlError::Other(
            format!("invalid {what} {value:?} in column {column}{of_row}").into(),
        )),
    )
}

pub fn id(row: &Row, idx: usize) -> rusqlite::Result<Id> {
    let s: String = row.get(idx)?;
    Id::parse_str(&s).map_err(|_| bad(row, idx, "id", &s))
}

pub fn opt_id(row: &Row, idx: usize) -> rusqlite::Result<Option<Id>> {
    let s: Option<String> = row.get(idx)?;
    s.map(|s| Id::parse_str(&s).map_err(|_| bad(row, idx, "id", &s)))
        .transpose()
}

pub fn time(row: &Row, idx: usize) -> rusqlite::Result<Timestamp> {
    let s: String = row.get(idx)?;
    parse_time(&s).ok_or_else(|| bad(row, idx, "time", &s))
}

pub fn opt_time(row: &Row, idx: usize) -> rusqlite::Result<Option<Timestamp>> {
    let s: Option<String> = row.get(idx)?;
    s.map(|s| parse_time(&s).ok_or_else(|| bad(row, idx, "time", &s)))
        .transpose()
}

pub fn parsed<T>(
    row: &Row,
    idx: usize,
    what: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    let s: String = row.get(idx)?;
    parse(&s).ok_or_else(|| bad(row, idx, what, &s))
}

pub fn text_time(t: &Timestamp) -> String {
    format_time(t)
}

pub fn opt_text_time(t: &Option<Timestamp>) -> Option<String> {
    t.as_ref().map(format_time)
}

pub fn text_id(id: &Id) -> String {
    id.to_string()
}

pub fn opt_text_id(id: &Option<Id>) -> Option<String> {
    id.as_ref().map(Id::to_string)
}
