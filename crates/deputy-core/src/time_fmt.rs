//! The one textual form of an instant that Deputy stores and prints: RFC 3339 in UTC with
//! millisecond precision and a fixed width, so that stored values sort as text on every
//! database backend.

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, OffsetDateTime, UtcOffset};

/// Formats `t` as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
pub fn format(t: OffsetDateTime) -> String {
    let t = t.to_offset(UtcOffset::UTC);
    let fmt =
        format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z");
    // Formatting a UTC instant with a fixed, valid description cannot fail for years
    // 0..=9999; outside that range fall back to RFC 3339's own rendering.
    t.format(&fmt)
        .or_else(|_| t.format(&Rfc3339))
        .unwrap_or_default()
}

/// Parses an RFC 3339 instant, or a bare date (`2026-12-31`, taken as midnight UTC).
pub fn parse(s: &str) -> Result<OffsetDateTime, time::error::Parse> {
    match OffsetDateTime::parse(s, &Rfc3339) {
        Ok(t) => Ok(t.to_offset(UtcOffset::UTC)),
        Err(e) => {
            let date_fmt = format_description!("[year]-[month]-[day]");
            match Date::parse(s, &date_fmt) {
                Ok(d) => Ok(d.midnight().assume_utc()),
                Err(_) => Err(e),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn round_trips_and_sorts_as_text() {
        let a = datetime!(2026-01-02 03:04:05.678 UTC);
        let b = datetime!(2026-01-02 03:04:05.9 UTC);
        assert_eq!(format(a), "2026-01-02T03:04:05.678Z");
        assert_eq!(parse(&format(a)).ok(), Some(a));
        assert!(format(a) < format(b));
    }

    #[test]
    fn parses_a_bare_date_as_utc_midnight() {
        assert_eq!(
            parse("2026-12-31").ok(),
            Some(datetime!(2026-12-31 0:00 UTC))
        );
        assert!(parse("31/12/2026").is_err());
    }
}
