//! Reading CoNLL-format named-entity files.
//!
//! One token a line: `word [POS ...] tag`, the word first and the tag last, separated by
//! whitespace; a blank line ends a sentence; `-DOCSTART-` lines separate documents. Tags may be
//! IOB1 or IOB2 (both are read with conlleval's chunk rules). Files are read as UTF-8, or as
//! Latin-1 when they are not valid UTF-8 (older CoNLL releases).

use crate::NerError;
use std::path::Path;

/// One sentence of a CoNLL file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConllSentence {
    /// The words, as in the file.
    pub words: Vec<String>,
    /// The tags, as in the file (`B-PER`, `I-LOC`, `O`, ...).
    pub tags: Vec<String>,
    /// The index of the document the sentence belongs to (counted by `-DOCSTART-` lines).
    pub doc: usize,
}

/// A parsed CoNLL file.
#[derive(Debug, Clone, Default)]
pub struct ConllFile {
    /// The sentences in file order.
    pub sentences: Vec<ConllSentence>,
    /// How many `-DOCSTART-` lines the file has (conlleval counts them as tokens).
    pub docstarts: usize,
}

impl ConllFile {
    /// The sentences grouped by document, in file order.
    pub fn documents(&self) -> Vec<&[ConllSentence]> {
        let mut out = Vec::new();
        let mut start = 0;
        for i in 1..=self.sentences.len() {
            if i == self.sentences.len() || self.sentences[i].doc != self.sentences[start].doc {
                out.push(&self.sentences[start..i]);
                start = i;
            }
        }
        out
    }

    /// Each document as running text: tokens joined by spaces, a sentence a line. Speed
    /// measurements and regression dumps tag this text the way the pipeline tags an article.
    pub fn running_texts(&self) -> Vec<String> {
        self.documents()
            .iter()
            .map(|doc| {
                doc.iter()
                    .map(|s| s.words.join(" "))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect()
    }
}

/// Reads bytes as UTF-8, or as Latin-1 when they are not valid UTF-8.
pub fn decode(bytes: Vec<u8>) -> String {
    match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => err.into_bytes().iter().map(|&b| char::from(b)).collect(),
    }
}

/// Reads and parses a CoNLL file.
pub fn read(path: &Path) -> Result<ConllFile, NerError> {
    let bytes = std::fs::read(path).map_err(|source| NerError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&decode(bytes)).map_err(|(line, message)| NerError::Format {
        path: path.to_path_buf(),
        line,
        message,
    })
}

/// Parses CoNLL text; an error carries the 1-based line number and what is wrong.
pub fn parse(text: &str) -> Result<ConllFile, (usize, String)> {
    let mut file = ConllFile::default();
    let mut words = Vec::new();
    let mut tags = Vec::new();
    let mut doc = 0;
    for (n, line) in text.lines().enumerate() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        match fields.as_slice() {
            [] => flush(&mut file.sentences, &mut words, &mut tags, doc),
            ["-DOCSTART-", ..] => {
                flush(&mut file.sentences, &mut words, &mut tags, doc);
                if file.docstarts > 0 || !file.sentences.is_empty() {
                    doc += 1;
                }
                file.docstarts += 1;
            }
            [_] => return Err((n + 1, format!("expected `word tag`, found {line:?}"))),
            [word, .., tag] => {
                words.push((*word).to_string());
                tags.push((*tag).to_string());
            }
        }
    }
    flush(&mut file.sentences, &mut words, &mut tags, doc);
    Ok(file)
}

fn flush(
    sentences: &mut Vec<ConllSentence>,
    words: &mut Vec<String>,
    tags: &mut Vec<String>,
    doc: usize,
) {
    if words.is_empty() {
        return;
    }
    sentences.push(ConllSentence {
        words: std::mem::take(words),
        tags: std::mem::take(tags),
        doc,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_three_and_two_columns_with_documents() {
        let text = "-DOCSTART- -DOCSTART- O\nDe Art O\nGent N B-LOC\n\nJan B-PER\n-DOCSTART- O\n\nPiet I-PER\n";
        let file = parse(text).expect("valid");
        assert_eq!(file.docstarts, 2);
        assert_eq!(file.sentences.len(), 3);
        assert_eq!(file.sentences[0].words, vec!["De", "Gent"]);
        assert_eq!(file.sentences[0].tags, vec!["O", "B-LOC"]);
        assert_eq!(file.sentences[1].doc, 0);
        assert_eq!(file.sentences[2].doc, 1);
    }

    #[test]
    fn reports_malformed_lines() {
        assert_eq!(parse("De O\nkapot\n").err().map(|e| e.0), Some(2));
    }

    #[test]
    fn decodes_latin1() {
        assert_eq!(decode(vec![b'c', 0xe9]), "cé");
        assert_eq!(decode("cé".as_bytes().to_vec()), "cé");
    }
}
