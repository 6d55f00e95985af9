//! Front matter: metadata lines between `---` lines at the very start of a text file
//! (`title: …`, `url: …`, `published: 2019-03-05`, `outlet: …`, `lang: nl`, `author: …`).
//!
//! The same keys as `kroniek extract` reads; other keys (tags, layout, …) are ignored, so a
//! folder of blog posts ingests as it is.

use kroniek_text::{Lang, Meta};

/// A text split into its front matter and body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    /// Title, url, published, outlet.
    pub meta: Meta,
    /// Language, if named.
    pub lang: Option<Lang>,
    /// Author, if named.
    pub author: Option<String>,
    /// The text after the front matter.
    pub body: String,
}

/// Splits front matter off `text`. An error gives the 1-based line and the reason.
pub fn front_matter(text: &str) -> Result<FrontMatter, (usize, String)> {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return Ok(FrontMatter {
            body: text.to_string(),
            ..FrontMatter::default()
        });
    };
    let end = rest.find("\n---").ok_or((
        1,
        "front matter opened with --- is never closed".to_string(),
    ))?;
    let mut parsed = FrontMatter::default();
    for (number, line) in rest[..end].lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = line.split_once(':').ok_or((
            number + 2,
            "front matter line is not `key: value`".to_string(),
        ))?;
        let value = value
            .trim()
            .trim_matches(|c| c == '"' || c == '\'')
            .to_string();
        match key.trim().to_lowercase().as_str() {
            "title" => parsed.meta.title = Some(value),
            "url" | "link" => parsed.meta.url = Some(value),
            "published" | "date" => parsed.meta.published = Some(crate::dates::normalise(&value)),
            "outlet" | "source" => parsed.meta.outlet = Some(value),
            "author" | "byline" => parsed.author = Some(value),
            "lang" | "language" => parsed.lang = Some(crate::language(&value)),
            _ => {}
        }
    }
    let after = &rest[end + 4..];
    let after = after.trim_start_matches(['-']);
    parsed.body = after
        .strip_prefix("\r\n")
        .or_else(|| after.strip_prefix('\n'))
        .unwrap_or(after)
        .to_string();
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fill_meta_and_unknown_keys_are_ignored() {
        let parsed =
            front_matter("---\ntitle: Storm\ndate: 2019-03-05\nlang: nl\ntags: [a]\n---\nTekst.")
                .unwrap();
        assert_eq!(parsed.meta.title.as_deref(), Some("Storm"));
        assert_eq!(parsed.meta.published.as_deref(), Some("2019-03-05"));
        assert_eq!(parsed.lang, Some(Lang::Nl));
        assert_eq!(parsed.body, "Tekst.");
        assert_eq!(front_matter("---\ntitle: x\n").unwrap_err().0, 1);
        assert_eq!(front_matter("---\nkapot\n---\n").unwrap_err().0, 2);
        assert_eq!(front_matter("Gewoon tekst").unwrap().body, "Gewoon tekst");
    }
}
