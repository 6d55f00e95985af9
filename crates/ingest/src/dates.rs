//! Publication dates brought to ISO 8601, so the store's date filters compare them as text.

/// English month abbreviations, as RFC 2822 dates write them (a date format, not language
/// data: feeds and HTTP write these whatever the language of the text).
const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// `value` as `YYYY-MM-DD` (or the ISO date-time it already is); dates in RFC 2822 form
/// (`Tue, 5 Mar 2019 10:00:00 +0100`) become `2019-03-05`. Anything else is kept as given.
pub fn normalise(value: &str) -> String {
    let value = value.trim();
    if is_iso(value) {
        return value.to_string();
    }
    rfc2822(value).unwrap_or_else(|| value.to_string())
}

/// Whether `value` starts with `YYYY-MM-DD`.
fn is_iso(value: &str) -> bool {
    let b = value.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
}

/// The date of an RFC 2822 date-time.
fn rfc2822(value: &str) -> Option<String> {
    let after_day = value.split_once(',').map_or(value, |(_, rest)| rest);
    let mut parts = after_day.split_whitespace();
    let day: u32 = parts.next()?.parse().ok()?;
    let month = parts.next()?.to_lowercase();
    let month = MONTHS.iter().position(|m| month.starts_with(m))? + 1;
    let year: u32 = parts.next()?.parse().ok()?;
    ((1..=31).contains(&day) && year >= 1000).then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_become_iso() {
        assert_eq!(
            normalise("2019-03-05T10:00:00+01:00"),
            "2019-03-05T10:00:00+01:00"
        );
        assert_eq!(normalise("Tue, 5 Mar 2019 10:00:00 +0100"), "2019-03-05");
        assert_eq!(normalise("gisteren"), "gisteren");
        assert_eq!(normalise("Tue, 99 Mar"), "Tue, 99 Mar");
    }
}
