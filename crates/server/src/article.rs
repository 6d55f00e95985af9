//! The article view's content: marks over the text and the side panel, read from the analysis
//! JSON leniently (a layer or field that is missing is left out; unknown fields are ignored),
//! like the store reads it.

use crate::marks::{char_slice, Label, Mark};
use serde_json::Value;

/// Number of speaker colours in the stylesheet (`c0` .. `c7`).
const COLOURS: u64 = 8;

/// Longest quote shown whole in the panel, in characters.
const PANEL_QUOTE_CHARS: usize = 140;

/// One entry of the side panel.
#[derive(Debug, Clone, Default)]
pub struct PanelItem {
    /// The key of its marks in the text.
    pub key: String,
    /// What it is (a name, the quoted words, the expression).
    pub label: String,
    /// A detail (kind, value, speaker).
    pub detail: String,
    /// A colour swatch class (quotes: the speaker's colour).
    pub swatch: String,
    /// A search for documents naming it.
    pub link: Option<String>,
}

/// A section of the side panel.
#[derive(Debug, Clone)]
pub struct PanelSection {
    /// Its heading.
    pub heading: &'static str,
    /// Its entries.
    pub items: Vec<PanelItem>,
}

/// Marks over the text and the panel sections of an analysis.
pub fn read(analysis: &Value, text: &str) -> (Vec<Mark>, Vec<PanelSection>) {
    let mut marks = Vec::new();
    let panel = vec![
        section("Quotes", quotes(analysis, text, &mut marks)),
        section("Entities", entities(analysis, &mut marks)),
        section("Places", places(analysis, &mut marks)),
        section(
            "Quantities",
            simple(analysis, text, "quantities", "n", "qty", &mut marks),
        ),
        section(
            "Times",
            simple(analysis, text, "times", "t", "time", &mut marks),
        ),
        section("Events", events(analysis, text, &mut marks)),
    ];
    (marks, panel)
}

fn section(heading: &'static str, items: Vec<PanelItem>) -> PanelSection {
    PanelSection { heading, items }
}

/// The items of a layer.
fn layer<'a>(analysis: &'a Value, name: &str) -> &'a [Value] {
    analysis
        .get(name)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// A string field.
fn string<'a>(item: &'a Value, key: &str) -> Option<&'a str> {
    item.get(key).and_then(Value::as_str)
}

/// The character span of an item (`span: {start, end}` or `start`/`end` on the item).
fn span(item: &Value) -> Option<(usize, usize)> {
    let holder = item.get("span").unwrap_or(item);
    let get = |k| {
        holder
            .get(k)
            .and_then(Value::as_u64)
            .and_then(|n| usize::try_from(n).ok())
    };
    Some((get("start")?, get("end")?))
}

/// A class token from document data: lowercase letters, digits, `-` and `_` only.
fn class_token(word: &str) -> String {
    let token: String = word
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect::<String>()
        .to_ascii_lowercase();
    if token.is_empty() {
        "other".into()
    } else {
        token
    }
}

/// The colour class of a speaker (stable: a hash of the name).
pub fn colour(name: &str) -> String {
    // FNV-1a: stable across runs and builds, unlike the standard hasher.
    let hash = name
        .to_lowercase()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("c{}", hash % COLOURS)
}

fn mark(start: usize, end: usize, class: &str, key: &str, title: Option<String>) -> Mark {
    Mark {
        start,
        end,
        class: class.to_string(),
        key: key.to_string(),
        title,
        label: None,
    }
}

/// A search link for one filter.
fn search_link(key: &str, value: &str) -> String {
    format!("/?{}", pair(key, value))
}

/// `key=value`, encoded for a query string.
pub fn pair(key: &str, value: &str) -> String {
    form_urlencoded::Serializer::new(String::new())
        .append_pair(key, value)
        .finish()
}

/// Shortened to `max` characters with an ellipsis.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        text.chars().take(max).chain(['…']).collect()
    }
}

fn quotes(analysis: &Value, text: &str, marks: &mut Vec<Mark>) -> Vec<PanelItem> {
    let mut items = Vec::new();
    for (i, quote) in layer(analysis, "quotes").iter().enumerate() {
        let key = format!("q{i}");
        let speaker = quote
            .get("speaker")
            .and_then(|s| string(s, "name"))
            .map(str::to_string);
        let colour = colour(speaker.as_deref().unwrap_or(""));
        let kind = string(quote, "kind").unwrap_or("quote");
        let words = match (string(quote, "text"), span(quote)) {
            (Some(t), _) => t.to_string(),
            (None, Some((s, e))) => char_slice(text, s, e),
            (None, None) => String::new(),
        };
        if let Some((start, end)) = span(quote) {
            let title = Some(match &speaker {
                Some(name) => format!("{name} ({kind} quote)"),
                None => format!("{kind} quote, speaker unknown"),
            });
            let mut quote_mark = mark(start, end, &format!("q {colour}"), &key, title);
            quote_mark.label = speaker.as_ref().map(|name| Label {
                name: name.clone(),
                class: colour.clone(),
                key: key.clone(),
            });
            marks.push(quote_mark);
        }
        if let Some((s, e)) = quote.get("cue").and_then(span) {
            marks.push(mark(s, e, "cue", &key, None));
        }
        let mention = quote.get("speaker").and_then(|s| s.get("mention"));
        if let Some((s, e)) = mention.and_then(span) {
            marks.push(mark(s, e, "spk", &key, speaker.clone()));
        }
        items.push(PanelItem {
            key,
            label: format!(
                "{}: “{}”",
                speaker.as_deref().unwrap_or("?"),
                shorten(&words, PANEL_QUOTE_CHARS)
            ),
            detail: kind.to_string(),
            swatch: colour,
            link: speaker.map(|s| format!("/quotes?{}", pair("speaker", &s))),
        });
    }
    items
}

fn entities(analysis: &Value, marks: &mut Vec<Mark>) -> Vec<PanelItem> {
    let mut items = Vec::new();
    for (i, entity) in layer(analysis, "entities").iter().enumerate() {
        let key = format!("e{i}");
        let name = string(entity, "name").unwrap_or("?");
        let kind = string(entity, "kind").unwrap_or("other");
        let class = format!("ent {}", class_token(kind));
        let title = Some(format!("{name} ({kind})"));
        let mentions = layer(entity, "mentions");
        for (s, e) in mentions.iter().filter_map(span) {
            marks.push(mark(s, e, &class, &key, title.clone()));
        }
        items.push(PanelItem {
            key,
            label: name.to_string(),
            detail: format!("{kind}, {}×", mentions.len()),
            link: Some(search_link("entity", name)),
            ..PanelItem::default()
        });
    }
    items
}

fn places(analysis: &Value, marks: &mut Vec<Mark>) -> Vec<PanelItem> {
    let mut items = Vec::new();
    for (i, place) in layer(analysis, "places").iter().enumerate() {
        let key = format!("p{i}");
        let name = string(place, "name").unwrap_or("?");
        let country = string(place, "country_code").unwrap_or("");
        let title = Some(if country.is_empty() {
            name.to_string()
        } else {
            format!("{name}, {country}")
        });
        let mentions = layer(place, "mentions");
        for (s, e) in mentions.iter().filter_map(span) {
            marks.push(mark(s, e, "place", &key, title.clone()));
        }
        items.push(PanelItem {
            key,
            label: name.to_string(),
            detail: format!("{country} {}×", mentions.len()).trim().to_string(),
            link: Some(search_link("place", name)),
            ..PanelItem::default()
        });
    }
    items
}

/// Quantities and times: one span each, described by kind and value.
fn simple(
    analysis: &Value,
    text: &str,
    name: &str,
    prefix: &str,
    class: &str,
    marks: &mut Vec<Mark>,
) -> Vec<PanelItem> {
    let mut items = Vec::new();
    for (i, item) in layer(analysis, name).iter().enumerate() {
        let Some((s, e)) = span(item) else { continue };
        let key = format!("{prefix}{i}");
        let kind = string(item, "kind").unwrap_or("");
        let detail = [kind.to_string(), value_of(item)]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(": ");
        marks.push(mark(s, e, class, &key, Some(detail.clone())));
        items.push(PanelItem {
            key,
            label: char_slice(text, s, e),
            detail,
            ..PanelItem::default()
        });
    }
    items
}

/// A short value: a quantity's number and unit or currency, a time's resolved value or timex.
fn value_of(item: &Value) -> String {
    if let Some(value) = item.get("value") {
        let inner = value.get("value").or_else(|| value.get("timex"));
        let shown = match inner.unwrap_or(value) {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            _ => String::new(),
        };
        let unit = string(item, "unit").or_else(|| string(item, "currency"));
        return match unit {
            Some(u) => format!("{shown} {u}"),
            None => shown,
        };
    }
    string(item, "timex").unwrap_or("").to_string()
}

fn events(analysis: &Value, text: &str, marks: &mut Vec<Mark>) -> Vec<PanelItem> {
    let mut items = Vec::new();
    for (i, event) in layer(analysis, "events").iter().enumerate() {
        let key = format!("v{i}");
        let kind = string(event, "event_type")
            .or_else(|| string(event, "type"))
            .unwrap_or("event");
        let sub = string(event, "sub_type").unwrap_or("");
        let name = if sub.is_empty() {
            kind.to_string()
        } else {
            format!("{kind} / {sub}")
        };
        let title = Some(name.clone());
        let mut spans: Vec<(usize, usize)> =
            layer(event, "mentions").iter().filter_map(span).collect();
        if let Some(trigger) = event.get("trigger").and_then(span).or_else(|| span(event)) {
            spans.push(trigger);
        }
        spans.sort_unstable();
        spans.dedup();
        for &(s, e) in &spans {
            marks.push(mark(s, e, "event", &key, title.clone()));
        }
        let words = spans
            .first()
            .map(|&(s, e)| char_slice(text, s, e))
            .unwrap_or_default();
        let place = event
            .get("place")
            .and_then(|p| string(p, "text").or_else(|| string(p, "name")));
        let detail = [name, place.map(|p| format!("in {p}")).unwrap_or_default()]
            .join(" ")
            .trim()
            .to_string();
        items.push(PanelItem {
            key,
            label: words,
            detail,
            link: Some(search_link("event_type", kind)),
            ..PanelItem::default()
        });
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn layers_become_marks_and_panel_items() {
        let text = "“Goed nieuws,” zei Karin Mulder in Deventer.";
        let analysis = json!({
            "quotes": [{"kind": "direct", "span": {"start": 0, "end": 14}, "text": "Goed nieuws,",
                        "cue": {"span": {"start": 15, "end": 18}},
                        "speaker": {"name": "Karin Mulder", "mention": {"span": {"start": 19, "end": 31}}}}],
            "entities": [{"kind": "person", "name": "Karin Mulder",
                          "mentions": [{"span": {"start": 19, "end": 31}}]}],
            "places": [{"name": "Deventer", "country_code": "NL", "mentions": [{"start": 35, "end": 43}]}],
            "times": [{"span": {"start": 99, "end": 120}, "kind": "date"}],
            "events": "not a list"
        });
        let (marks, panel) = read(&analysis, text);
        assert_eq!(marks.iter().filter(|m| m.key == "q0").count(), 3);
        let quote = marks.iter().find(|m| m.class.starts_with("q ")).unwrap();
        assert_eq!(quote.label.as_ref().unwrap().name, "Karin Mulder");
        assert_eq!(panel[2].items[0].link.as_deref(), Some("/?place=Deventer"));
        // An out-of-range span is kept as a mark (dropped when segmenting), never sliced.
        assert_eq!(panel[4].items[0].label, "");
        assert!(panel[5].items.is_empty());
    }

    #[test]
    fn class_tokens_are_clean() {
        assert_eq!(class_token("person"), "person");
        assert_eq!(class_token("\"><script>"), "script");
        assert_eq!(class_token("  "), "other");
        assert_eq!(colour("Mulder"), colour("mulder"));
    }
}
