//! Per-language data for Kroniek.
//!
//! Everything a stage knows about a language (reporting verbs, number words, abbreviations,
//! titles, demonyms, ...) lives in plain text files under `lang/<code>/` at the root of the
//! repository. They are compiled into the binary, so Kroniek needs no data directory at run time,
//! and adding a language means adding a folder, not code.
//!
//! File conventions, shared by every stage:
//! - one entry per line; leading and trailing whitespace is trimmed;
//! - `#` starts a comment that runs to the end of the line; blank lines are ignored;
//! - tables separate their columns with a tab or with ` = `, whichever the file documents.

include!(concat!(env!("OUT_DIR"), "/files.rs"));

/// The language codes that have a data folder, in sorted order.
pub fn languages() -> Vec<&'static str> {
    let mut codes: Vec<&str> = FILES.iter().map(|(code, _, _)| *code).collect();
    codes.dedup();
    codes
}

/// The raw contents of `lang/<code>/<name>`, if that file exists.
pub fn file(code: &str, name: &str) -> Option<&'static str> {
    FILES
        .iter()
        .find(|(c, n, _)| *c == code && *n == name)
        .map(|(_, _, contents)| *contents)
}

/// The entries of a list file: one per line, comments and blank lines removed.
///
/// A missing file is an empty list, so a language may leave out what it does not need.
pub fn list(code: &str, name: &str) -> Vec<&'static str> {
    file(code, name).map(entries).unwrap_or_default()
}

/// The rows of a table file: each entry split into columns on tabs (or on ` = ` when the
/// line has no tab), columns trimmed.
pub fn table(code: &str, name: &str) -> Vec<Vec<&'static str>> {
    list(code, name)
        .into_iter()
        .map(|line| {
            if line.contains('\t') {
                line.split('\t').map(str::trim).collect()
            } else {
                line.split(" = ").map(str::trim).collect()
            }
        })
        .collect()
}

/// The words of a word-list file: every entry split on whitespace, lowercased.
///
/// For files that list many short words per line (function words, role nouns).
pub fn words(code: &str, name: &str) -> Vec<String> {
    list(code, name)
        .into_iter()
        .flat_map(str::split_whitespace)
        .map(str::to_lowercase)
        .collect()
}

/// Splits file contents into entries: comments stripped, blank lines dropped.
pub fn entries(contents: &'static str) -> Vec<&'static str> {
    contents
        .lines()
        .map(|line| match line.find('#') {
            Some(at) => &line[..at],
            None => line,
        })
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_ship_data() {
        let codes = languages();
        assert!(codes.contains(&"nl"), "{codes:?}");
        assert!(codes.contains(&"en"), "{codes:?}");
    }

    #[test]
    fn entries_drop_comments_and_blanks() {
        let parsed = entries("# header\n\nzeggen  # the most common\n  vertellen \n");
        assert_eq!(parsed, vec!["zeggen", "vertellen"]);
    }

    #[test]
    fn missing_files_are_empty_lists() {
        assert!(list("nl", "no-such-file.txt").is_empty());
        assert!(file("xx", "anything").is_none());
    }
}
