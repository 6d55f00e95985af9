//! Conversion from the byte offsets used inside Kroniek to the character offsets every output
//! gives.

/// Maps byte offsets of one text to character offsets (Unicode scalar values, as Python's `str`
/// counts them).
///
/// Built once per document; each lookup is a binary search over the multi-byte characters only,
/// so plain ASCII text costs nothing.
#[derive(Debug, Clone)]
pub struct CharOffsets {
    /// Byte offset of each multi-byte character's end, with the number of bytes saved so far.
    wide: Vec<(usize, usize)>,
    len_bytes: usize,
}

impl CharOffsets {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let mut saved = 0;
        for (at, ch) in text.char_indices() {
            let len = ch.len_utf8();
            if len > 1 {
                saved += len - 1;
                wide.push((at + len, saved));
            }
        }
        CharOffsets {
            wide,
            len_bytes: text.len(),
        }
    }

    /// The character offset of byte offset `byte` (which must lie on a character boundary).
    pub fn char_of(&self, byte: usize) -> usize {
        let byte = byte.min(self.len_bytes);
        let ended = self.wide.partition_point(|(end, _)| *end <= byte);
        let saved = if ended == 0 {
            0
        } else {
            self.wide[ended - 1].1
        };
        byte - saved
    }
}

/// An analysis item whose byte offsets can be rewritten as character offsets.
///
/// Every stage implements it for its output items, so the pipeline can convert a whole analysis
/// just before it leaves Kroniek, without knowing each stage's internals.
pub trait ToCharOffsets {
    /// Rewrites every span in `self` from byte offsets to character offsets.
    fn to_char_offsets(&mut self, map: &CharOffsets);
}

impl ToCharOffsets for crate::Span {
    fn to_char_offsets(&mut self, map: &CharOffsets) {
        self.start = map.char_of(self.start);
        self.end = map.char_of(self.end);
    }
}

impl<T: ToCharOffsets> ToCharOffsets for Option<T> {
    fn to_char_offsets(&mut self, map: &CharOffsets) {
        if let Some(item) = self {
            item.to_char_offsets(map);
        }
    }
}

impl<T: ToCharOffsets> ToCharOffsets for Vec<T> {
    fn to_char_offsets(&mut self, map: &CharOffsets) {
        for item in self {
            item.to_char_offsets(map);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_char_counting() {
        let text = "zo’n 70 dollar – “Ja”, zei hij. 😀 ok";
        let map = CharOffsets::new(text);
        for (byte, _) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            assert_eq!(
                map.char_of(byte),
                text[..byte].chars().count(),
                "byte {byte}"
            );
        }
    }
}
