use chrono::{DateTime, Datelike, NaiveDate, SecondsFormat, Utc};

/// Instants are kept in UTC with millisecond precision, which is what the
/// store and the bundle write, so a value survives a round trip unchanged.
pub type Timestamp = DateTime<Utc>;

/// The years every part of Atelier can write and read back: RFC 3339 and
/// `YYYY-MM-DD` have four-digit years, so year 10000 (which a late
/// 31 December 9999 with a negative offset becomes in UTC) would be
/// written in a form nothing can parse again.
pub const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

/// The current instant, truncated to milliseconds.
pub fn now() -> Timestamp {
    let t = Utc::now();
    DateTime::from_timestamp_millis(t.timestamp_millis()).unwrap_or(t)
}

/// RFC 3339 with milliseconds and a `Z`: `2021-03-18T09:30:00.000Z`.
pub fn format_time(t: &Timestamp) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Why a text is not an instant Atelier accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeError {
    /// Not RFC 3339 at all.
    Syntax,
    /// A valid instant whose UTC year is outside [`YEARS`].
    OutOfRange,
}

/// Parses any RFC 3339 instant and normalises it to UTC milliseconds,
/// refusing one whose UTC year is outside [`YEARS`].
pub fn check_time(s: &str) -> Result<Timestamp, TimeError> {
    let t = DateTime::parse_from_rfc3339(s)
        .map_err(|_| TimeError::Syntax)?
        .with_timezone(&Utc);
    if !YEARS.contains(&t.year()) {
        return Err(TimeError::OutOfRange);
    }
    DateTime::from_timestamp_millis(t.timestamp_millis()).ok_or(TimeError::OutOfRange)
}

/// [`check_time`] without the reason.
pub fn parse_time(s: &str) -> Option<Timestamp> {
    check_time(s).ok()
}

/// A `YYYY-MM-DD` calendar date within [`YEARS`].
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    // Exactly YYYY-MM-DD: chrono alone also takes "2021-6-10" and a sign.
    let shape = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shape {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|d| YEARS.contains(&d.year()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_round_trips_through_text() {
        let t = now();
        assert_eq!(parse_time(&format_time(&t)), Some(t));
        assert!(parse_time("yesterday").is_none());
    }

    #[test]
    fn years_outside_four_digits_are_refused_after_conversion_to_utc() {
        assert_eq!(
            check_time("9999-12-31T20:00:00-05:00"),
            Err(TimeError::OutOfRange)
        );
        assert_eq!(
            check_time("0001-01-01T01:00:00+02:00"),
            Err(TimeError::OutOfRange)
        );
        let last = check_time("9999-12-31T23:59:59.999Z").unwrap();
        assert_eq!(parse_time(&format_time(&last)), Some(last));
        assert_eq!(check_time("soon"), Err(TimeError::Syntax));
        assert!(parse_date("9999-12-31").is_some());
        assert!(parse_date("+10000-01-01").is_none());
        assert!(parse_date("2021-6-10").is_none());
        assert!(parse_date("+2021-06-10").is_none());
        assert!(parse_date("0000-01-01").is_none());
    }
}
