use chrono::{DateTime, SecondsFormat, Utc};

/// Instants are kept in UTC with millisecond precision, which is what the
/// store and the bundle write, so a value survives a round trip unchanged.
pub type Timestamp = DateTime<Utc>;

/// The current instant, truncated to milliseconds.
pub fn now() -> Timestamp {
    let t = Utc::now();
    DateTime::from_timestamp_millis(t.timestamp_millis()).unwrap_or(t)
}

/// RFC 3339 with milliseconds and a `Z`: `2021-03-18T09:30:00.000Z`.
pub fn format_time(t: &Timestamp) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Parses any RFC 3339 instant and normalises it to UTC milliseconds.
pub fn parse_time(s: &str) -> Option<Timestamp> {
    let t = DateTime::parse_from_rfc3339(s).ok()?.with_timezone(&Utc);
    DateTime::from_timestamp_millis(t.timestamp_millis())
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
}
