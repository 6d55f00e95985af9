//! [`SpanIndex`]: which spans of a growing set a new span overlaps, in logarithmic time.
//!
//! Stages often ask "does this mention overlap any I already have?" for every mention of a
//! document; asked by a linear scan that is quadratic on one long document. The index keeps
//! the spans sorted by start with the greatest end of every prefix, so the question is one
//! binary search.

use crate::Span;

/// A set of spans answering whether a span overlaps any of them.
#[derive(Debug, Clone, Default)]
pub struct SpanIndex {
    /// The spans, sorted by start.
    spans: Vec<Span>,
    /// `max_end[i]` is the greatest end among `spans[..=i]`.
    max_end: Vec<usize>,
}

impl SpanIndex {
    /// An index of `spans`, in any order.
    pub fn new(mut spans: Vec<Span>) -> SpanIndex {
        spans.sort_unstable_by_key(|s| (s.start, s.end));
        let mut index = SpanIndex {
            max_end: Vec::with_capacity(spans.len()),
            spans: Vec::with_capacity(spans.len()),
        };
        for span in spans {
            index.push_sorted(span);
        }
        index
    }

    /// Adds a span. Cheap when it starts no earlier than every span already held (text
    /// order); otherwise the index is rebuilt.
    pub fn insert(&mut self, span: Span) {
        if self
            .spans
            .last()
            .is_none_or(|last| last.start <= span.start)
        {
            self.push_sorted(span);
        } else {
            let mut spans = std::mem::take(&mut self.spans);
            spans.push(span);
            *self = SpanIndex::new(spans);
        }
    }

    /// Whether `span` shares at least one byte with a span of the set (see [`Span::overlaps`]).
    pub fn overlaps(&self, span: Span) -> bool {
        // Spans that start before `span` ends; one of them overlaps if the furthest end among
        // them lies after `span` starts.
        let before_end = self.spans.partition_point(|s| s.start < span.end);
        before_end > 0 && self.max_end[before_end - 1] > span.start
    }

    /// The number of spans held.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    fn push_sorted(&mut self, span: Span) {
        let end = self.max_end.last().map_or(span.end, |&m| m.max(span.end));
        self.spans.push(span);
        self.max_end.push(end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(spans: &[Span], span: Span) -> bool {
        spans.iter().any(|s| s.overlaps(span))
    }

    #[test]
    fn answers_as_a_scan_would() {
        let spans = vec![
            Span::new(10, 20),
            Span::new(0, 3),
            Span::new(12, 40),
            Span::new(50, 51),
            Span::new(15, 16),
        ];
        let index = SpanIndex::new(spans.clone());
        for start in 0..60 {
            for end in start..62 {
                let span = Span::new(start, end);
                assert_eq!(index.overlaps(span), naive(&spans, span), "{span:?}");
            }
        }
    }

    #[test]
    fn insert_out_of_order_rebuilds() {
        let mut index = SpanIndex::default();
        let mut spans = Vec::new();
        for (start, end) in [(30, 35), (5, 9), (40, 41), (0, 2), (33, 60)] {
            index.insert(Span::new(start, end));
            spans.push(Span::new(start, end));
            for probe in 0..65 {
                let span = Span::new(probe, probe + 2);
                assert_eq!(index.overlaps(span), naive(&spans, span), "{span:?}");
            }
        }
        assert_eq!(index.len(), 5);
    }
}
