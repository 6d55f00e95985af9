//! RSS and Atom feeds: each item a document (its content, else its summary, HTML stripped).

use crate::html::fragment_text;
use crate::sources::{bad, Item};
use crate::{Origin, Position, RawDocument};
use kroniek_text::Meta;
use std::path::Path;

/// The documents of a feed file; one failure for an unparsable feed, one per empty item.
pub fn documents(path: &Path, bytes: &[u8]) -> Vec<Item> {
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(feed) => feed,
        Err(e) => {
            return vec![Err(bad(
                path,
                None,
                format!("not a readable RSS or Atom feed: {e}"),
            ))]
        }
    };
    let outlet = feed.title.as_ref().map(|t| fragment_text(&t.content));
    let share = bytes.len() / feed.entries.len().max(1);
    feed.entries
        .into_iter()
        .enumerate()
        .map(|(i, entry)| {
            let at = Some(Position::Item(i + 1));
            let html = entry
                .content
                .as_ref()
                .and_then(|c| c.body.clone())
                .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
                .unwrap_or_default();
            let text = fragment_text(&html);
            if text.trim().is_empty() {
                return Err(bad(
                    path,
                    at,
                    "the item has neither content nor summary".to_string(),
                ));
            }
            Ok(RawDocument {
                origin: Origin {
                    file: path.to_path_buf(),
                    position: at,
                },
                text,
                meta: Meta {
                    title: entry.title.as_ref().map(|t| fragment_text(&t.content)),
                    url: entry.links.first().map(|l| l.href.clone()),
                    published: entry
                        .published
                        .or(entry.updated)
                        .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
                    outlet: outlet.clone(),
                },
                lang: entry.language.as_deref().map(crate::language),
                author: entry.authors.first().and_then(|a| a.name.clone()),
                bytes: share,
            })
        })
        .collect()
}
