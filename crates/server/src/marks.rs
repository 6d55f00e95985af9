//! Marked text: a document text cut into segments at the character offsets of its marks
//! (quotes, entities, places, ...), so a template can wrap each segment in an element with
//! the classes of every mark over it. Offsets count Unicode scalar values (characters), as the
//! analysis gives them; out-of-range or empty marks are dropped, never sliced.

/// A marked range of the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// First character.
    pub start: usize,
    /// Character after the last.
    pub end: usize,
    /// CSS classes (made by the server from a fixed vocabulary, never from the document).
    pub class: String,
    /// The key of the panel item it belongs to (`q0`, `e3`, ...); several marks may share one.
    pub key: String,
    /// A tooltip.
    pub title: Option<String>,
    /// A label shown after the mark's last segment (a quote's speaker).
    pub label: Option<Label>,
}

/// A label shown after a mark (a quote's speaker).
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// The text (escaped by the template).
    pub name: String,
    /// CSS classes (from a fixed vocabulary).
    pub class: String,
    /// The key of the mark it labels.
    pub key: String,
}

/// A stretch of text with the same marks over it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Segment {
    /// The text (escaped by the template).
    pub text: String,
    /// Classes of the marks over it, space-separated ("" when unmarked).
    pub classes: String,
    /// Keys of the marks over it, space-separated (for the script's `[data-m~=key]`).
    pub keys: String,
    /// The tooltip of the innermost mark that has one.
    pub title: Option<String>,
    /// Character offset where a mark starts here (quotes, for `#at-N` links).
    pub at: Option<usize>,
    /// Labels of the marks ending here, shown after the segment.
    pub labels: Vec<Label>,
}

/// Cuts `text` into segments at the marks' boundaries.
pub fn segments(text: &str, marks: &[Mark]) -> Vec<Segment> {
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect();
    let chars = bytes.len() - 1;
    let marks: Vec<&Mark> = marks
        .iter()
        .filter(|m| m.start < m.end && m.end <= chars)
        .collect();
    let mut cuts: Vec<usize> = marks.iter().flat_map(|m| [m.start, m.end]).collect();
    cuts.extend([0, chars]);
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| segment(text, &bytes, w[0], w[1], &marks))
        .collect()
}

/// The segment from character `from` to `to`.
fn segment(text: &str, bytes: &[usize], from: usize, to: usize, marks: &[&Mark]) -> Segment {
    let over: Vec<&&Mark> = marks
        .iter()
        .filter(|m| m.start <= from && m.end >= to)
        .collect();
    let join = |f: &dyn Fn(&Mark) -> &str| {
        let mut parts: Vec<&str> = over.iter().map(|m| f(m)).collect();
        parts.dedup();
        parts.join(" ")
    };
    Segment {
        text: text[bytes[from]..bytes[to]].to_string(),
        classes: join(&|m| m.class.as_str()),
        keys: join(&|m| m.key.as_str()),
        // The innermost mark (the shortest) names the segment best.
        title: over
            .iter()
            .filter(|m| m.title.is_some())
            .min_by_key(|m| m.end - m.start)
            .and_then(|m| m.title.clone()),
        at: over
            .iter()
            .find(|m| m.start == from && m.label.is_some())
            .map(|m| m.start),
        labels: over
            .iter()
            .filter(|m| m.end == to)
            .filter_map(|m| m.label.clone())
            .collect(),
    }
}

/// The characters `start..end` of `text` (clamped; empty when out of range).
pub fn char_slice(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

/// A snippet as (text, highlighted) pieces: `highlights` are character offsets into the
/// document; `offset` is the snippet's start in the document.
pub fn highlight(
    snippet: &str,
    offset: usize,
    highlights: &[(usize, usize)],
) -> Vec<(String, bool)> {
    let marks: Vec<Mark> = highlights
        .iter()
        .filter(|(s, e)| *s >= offset && e > s)
        .map(|&(s, e)| Mark {
            start: s - offset,
            end: e - offset,
            class: "hit".into(),
            key: String::new(),
            title: None,
            label: None,
        })
        .collect();
    segments(snippet, &marks)
        .into_iter()
        .filter(|s| !s.text.is_empty())
        .map(|s| {
            let hit = !s.classes.is_empty();
            (s.text, hit)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, class: &str) -> Mark {
        Mark {
            start,
            end,
            class: class.into(),
            key: class.into(),
            title: None,
            label: None,
        }
    }

    #[test]
    fn offsets_are_characters() {
        let text = "Één “zin” hier";
        let found = segments(text, &[mark(4, 9, "q")]);
        let texts: Vec<&str> = found.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["Één ", "“zin”", " hier"]);
        assert_eq!(found[1].classes, "q");
    }

    #[test]
    fn overlapping_marks_split_segments() {
        let found = segments("abcdef", &[mark(0, 4, "q"), mark(2, 6, "e")]);
        let shown: Vec<(&str, &str)> = found
            .iter()
            .map(|s| (s.text.as_str(), s.classes.as_str()))
            .collect();
        assert_eq!(shown, [("ab", "q"), ("cd", "q e"), ("ef", "e")]);
    }

    #[test]
    fn bad_offsets_are_dropped() {
        let found = segments("abc", &[mark(2, 99, "x"), mark(2, 2, "y"), mark(3, 1, "z")]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].classes, "");
        assert!(segments("", &[mark(0, 1, "x")])
            .iter()
            .all(|s| s.text.is_empty()));
    }

    #[test]
    fn labels_follow_the_last_segment() {
        let mut quote = mark(0, 3, "q");
        quote.label = Some(Label {
            name: "Mulder".into(),
            class: "c1".into(),
            key: "q0".into(),
        });
        let found = segments("abc def", &[quote, mark(1, 2, "e")]);
        assert_eq!(found[0].at, Some(0));
        assert!(found[1].labels.is_empty());
        assert_eq!(found[2].labels[0].name, "Mulder");
    }

    #[test]
    fn snippet_highlights() {
        let pieces = highlight("de woning brandde", 10, &[(13, 19), (5, 8)]);
        assert_eq!(
            pieces,
            [
                ("de ".to_string(), false),
                ("woning".to_string(), true),
                (" brandde".to_string(), false)
            ]
        );
    }
}
