//! HTML pages: bytes decoded (legacy charsets included), main text and metadata extracted with
//! a readability port.

use dom_query::Document as Dom;
use dom_smoothie::{Config, Readability, TextMode};
use encoding_rs::Encoding;

/// What a page yields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// The main text, paragraphs separated by blank lines.
    pub text: String,
    /// Headline.
    pub title: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// Publication date as the page gives it.
    pub published: Option<String>,
    /// Canonical url (`<link rel=canonical>`, else `og:url`, else the url it was fetched from).
    pub url: Option<String>,
    /// Site name.
    pub site: Option<String>,
    /// Declared language code (`nl`, `en-GB`, ...).
    pub lang: Option<String>,
}

/// Decodes HTML bytes: byte-order mark, then the charset declared by the server, then the one
/// declared in the page, then UTF-8 if valid, then a statistical guess (chardetng).
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Result<String, String> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return strict(encoding, &bytes[bom..]);
    }
    let labelled = declared
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .or_else(|| meta_charset(bytes));
    if let Some(encoding) = labelled {
        // Pages often lie about their charset; a failed strict decode falls through to
        // detection.
        if let Ok(text) = strict(encoding, bytes) {
            return Ok(text);
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, true);
    strict(encoding, bytes)
}

/// Decodes without replacement characters: malformed bytes are an error.
fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, String> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| text.into_owned())
        .ok_or_else(|| format!("invalid {} bytes", encoding.name()))
}

/// The charset of a `<meta charset=...>` or `<meta http-equiv content="...; charset=...">` in
/// the first 2 KiB.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let label: Vec<u8> = lower[at..]
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'')
        .take_while(|&&b| b.is_ascii_alphanumeric() || b"-_:.".contains(&b))
        .copied()
        .collect();
    // A page that says UTF-16 in ASCII bytes is not UTF-16 (HTML spec: read it as UTF-8).
    Encoding::for_label(&label).map(Encoding::output_encoding)
}

/// Extracts the main text and metadata of a page. `fetched_from` is the url it came from, if
/// known (a WARC record's target).
pub fn extract(html: &str, fetched_from: Option<&str>) -> Result<Page, String> {
    let dom = Dom::from(html);
    let canonical = canonical_url(&dom).or_else(|| fetched_from.map(str::to_string));
    let absolute = canonical.as_deref().filter(|u| is_absolute(u));
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let article =
        Readability::with_document(dom.clone(), absolute, Some(config)).and_then(|mut r| r.parse());
    let page = match article {
        Ok(article) => Page {
            text: tidy(&article.text_content),
            title: non_empty(article.title.to_string()),
            author: article.byline.and_then(non_empty),
            published: article.published_time.and_then(non_empty),
            url: canonical,
            site: article.site_name.and_then(non_empty),
            lang: article.lang.and_then(non_empty),
        },
        Err(_) => fallback(&dom, canonical),
    };
    if page.text.trim().is_empty() {
        return Err("the page has no text".to_string());
    }
    Ok(page)
}

/// The whole body's text, when the readability extraction finds no article (short pages).
fn fallback(dom: &Dom, url: Option<String>) -> Page {
    dom.select("script, style, noscript, template").remove();
    Page {
        text: tidy(&dom.select("body").formatted_text()),
        title: non_empty(dom.select("title").text().to_string()),
        lang: dom.select("html").attr("lang").map(|l| l.to_string()),
        url,
        ..Page::default()
    }
}

/// The page's canonical url, if it declares one.
fn canonical_url(dom: &Dom) -> Option<String> {
    let link = dom.select(r#"link[rel="canonical"]"#).attr("href");
    let og = || dom.select(r#"meta[property="og:url"]"#).attr("content");
    link.or_else(og)
        .map(|u| u.trim().to_string())
        .filter(|u| !u.is_empty())
}

/// Whether a url has a scheme (readability needs an absolute one).
fn is_absolute(url: &str) -> bool {
    url.starts_with("http://") || url.starts_with("https://")
}

/// Trims each line and keeps at most one blank line between paragraphs.
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push_str("\n\n");
        } else if !out.is_empty() {
            out.push('\n');
        }
        blank = false;
        out.push_str(line);
    }
    out
}

/// `Some` when the string says something.
fn non_empty(value: String) -> Option<String> {
    let trimmed = value.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// The text of an HTML fragment (a feed item's content), paragraphs kept.
pub fn fragment_text(html: &str) -> String {
    if !html.contains('<') && !html.contains('&') {
        return tidy(html);
    }
    let dom = Dom::from(html);
    dom.select("script, style").remove();
    tidy(&dom.formatted_text())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_charset_is_decoded() {
        let bytes =
            b"<html><head><meta charset=\"windows-1252\"></head><body>caf\xe9</body></html>";
        assert!(decode(bytes, None).unwrap().contains("café"));
        let undeclared = b"<p>Een caf\xe9 in Utrecht met \xe9\xe9n terras</p>";
        assert!(decode(undeclared, None).unwrap().contains("café"));
        assert!(decode("\u{feff}plain".as_bytes(), None).unwrap() == "plain");
    }

    #[test]
    fn short_page_falls_back_to_body_text() {
        let page = extract(
            "<html lang=\"nl\"><head><title>Kort</title><link rel=\"canonical\" href=\"https://example.org/k\"></head><body><p>Eén zin.</p><script>x()</script></body></html>",
            None,
        )
        .unwrap();
        assert_eq!(page.text, "Eén zin.");
        assert_eq!(page.url.as_deref(), Some("https://example.org/k"));
        assert!(extract("<html><body> </body></html>", None).is_err());
    }

    #[test]
    fn fragments_lose_their_tags() {
        assert_eq!(
            fragment_text("<p>Een &amp; twee</p><p>drie</p>"),
            "Een & twee\n\ndrie"
        );
    }
}
