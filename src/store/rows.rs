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
    read_time(&s).ok_or_else(|| bad(row, idx, "time", &s))
}

pub fn opt_time(row: &Row, idx: usize) -> rusqlite::Result<Option<Timestamp>> {
    let s: Option<String> = row.get(idx)?;
    s.map(|s| read_time(&s).ok_or_else(|| bad(row, idx, "time", &s)))
        .transpose()
}

/// A stored time. Earlier versions accepted instants past the year 9999
/// once in UTC (`+10000-01-01T…`); such a row is read as the last instant
/// of 9999 (or the first of year 1), so one odd row never makes a whole
/// session unreadable. Text that is no time at all is still an error.
fn read_time(s: &str) -> Option<Timestamp> {
    if let Some(t) = parse_time(s) {
        return Some(t);
    }
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits < 5 || rest.as_bytes().get(digits) != Some(&b'-') {
        return None;
    }
    let edge = if sign > 0 {
        "9999-12-31T23:59:59.999Z"
    } else {
        "0001-01-01T00:00:00.000Z"
    };
    parse_time(edge)
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
