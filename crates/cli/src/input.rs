//! Reading a document: the bytes from a file or standard input, checked, with optional front
//! matter for its metadata.

use anyhow::{bail, Context, Result};
use kroniek_text::{Lang, Meta};
use std::io::Read;
use std::path::Path;

/// The largest single document `extract` accepts by default (64 MiB): news texts are far
/// smaller; anything bigger is almost certainly not one article.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Reads `path` (or standard input for `-`) as UTF-8 text of at most `max_bytes` bytes.
/// Errors name the file and, for bad bytes, the line and column.
pub fn read_text(path: &Path, max_bytes: u64) -> Result<String> {
    let name = path.display().to_string();
    let bytes = if name == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(max_bytes + 1)
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
        bytes
    } else {
        let size = std::fs::metadata(path)
            .with_context(|| format!("cannot read {name}"))?
            .len();
        if size > max_bytes {
            bail!("{name}: {size} bytes is more than the limit of {max_bytes} bytes for one document (raise it with --max-bytes)");
        }
        std::fs::read(path).with_context(|| format!("cannot read {name}"))?
    };
    check_bytes(&name, bytes, max_bytes)
}

/// Checks that `bytes` are a non-empty UTF-8 text within the size limit.
pub fn check_bytes(name: &str, bytes: Vec<u8>, max_bytes: u64) -> Result<String> {
    if bytes.len() as u64 > max_bytes {
        bail!("{name}: more than the limit of {max_bytes} bytes for one document (raise it with --max-bytes)");
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        let (line, column) = line_column(&bytes, at);
        bail!("{name}:{line}:{column}: a NUL byte: this looks like a binary file, not text");
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            let (line, column) = line_column(error.as_bytes(), at);
            bail!("{name}:{line}:{column}: invalid UTF-8 at byte {at}; convert the file to UTF-8 first (for example with iconv)");
        }
    };
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    if text.trim().is_empty() {
        bail!("{name}: the text is empty");
    }
    Ok(text)
}

/// 1-based line and column (in characters) of byte `at`.
fn line_column(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Parses a language code given on the command line.
pub fn parse_lang(code: &str) -> Result<Lang> {
    Lang::from_code(code).with_context(|| format!("unknown language {code:?}: use nl, en or other"))
}

/// Front matter: metadata lines between `---` lines at the very start of a text
/// (`title: …`, `url: …`, `published: 2019-03-05`, `outlet: …`, `lang: nl`).
pub struct FrontMatter {
    /// The metadata found.
    pub meta: Meta,
    /// The language, if the front matter names one.
    pub lang: Option<Lang>,
    /// The text after the front matter; offsets point into this.
    pub body: String,
}

/// Splits front matter off `text`, if it has any.
pub fn front_matter(name: &str, text: String) -> Result<FrontMatter> {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return Ok(FrontMatter {
            meta: Meta::default(),
            lang: None,
            body: text,
        });
    };
    let Some(end) = rest.find("\n---") else {
        bail!("{name}:1: front matter opened with --- is never closed");
    };
    let mut meta = Meta::default();
    let mut lang = None;
    for (number, line) in rest[..end].lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            bail!(
                "{name}:{}: front matter line is not `key: value`",
                number + 2
            );
        };
        let value = value.trim().trim_matches('"').to_string();
        match key.trim() {
            "title" => meta.title = Some(value),
            "url" => meta.url = Some(value),
            "published" | "date" => meta.published = Some(value),
            "outlet" | "source" => meta.outlet = Some(value),
            "lang" | "language" => lang = Some(parse_lang(&value).with_context(|| format!("{name}:{}", number + 2))?),
            other => bail!("{name}:{}: unknown front matter key {other:?} (title, url, published, outlet, lang)", number + 2),
        }
    }
    let after = &rest[end + 4..];
    let body = after
        .strip_prefix("\r\n")
        .or_else(|| after.strip_prefix('\n'))
        .unwrap_or(after)
        .to_string();
    Ok(FrontMatter { meta, lang, body })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let error = check_bytes("a.txt", b"ok\nab\xffc".to_vec(), 100)
            .unwrap_err()
            .to_string();
        assert!(error.contains("a.txt:2:3"), "{error}");
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert!(check_bytes("b", vec![1, 0, 2], 100)
            .unwrap_err()
            .to_string()
            .contains("binary"));
        assert!(check_bytes("e", b"  \n".to_vec(), 100)
            .unwrap_err()
            .to_string()
            .contains("empty"));
        assert!(check_bytes("big", vec![b'a'; 11], 10)
            .unwrap_err()
            .to_string()
            .contains("limit"));
    }

    #[test]
    fn front_matter_fills_meta() {
        let parsed = front_matter(
            "f",
            "---\ntitle: Exodus\npublished: 2019-03-05\nlang: nl\n---\nTekst.".to_string(),
        )
        .unwrap();
        assert_eq!(parsed.meta.title.as_deref(), Some("Exodus"));
        assert_eq!(parsed.lang, Some(Lang::Nl));
        assert_eq!(parsed.body, "Tekst.");
        assert!(front_matter("f", "---\nfoo: bar\n---\n".to_string()).is_err());
    }
}
