//! Rows of the queryable layer tables, read from an analysis as generic JSON.
//!
//! Reading through `serde_json::Value` (not the stage types) keeps the store working when a
//! stage adds a field or a layer: unknown fields stay in the analysis JSON, missing ones are
//! NULL.

use serde_json::Value;

/// The items of layer `name` (an empty slice when the analysis has no such layer).
pub fn layer<'a>(analysis: &'a Value, name: &str) -> &'a [Value] {
    analysis
        .get(name)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
}

/// A string field.
pub fn text(item: &Value, key: &str) -> Option<String> {
    match item.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => ["name", "value", "text", "timex"]
            .iter()
            .find_map(|k| o.get(*k).and_then(Value::as_str))
            .map(str::to_string),
        _ => None,
    }
}

/// The first of several keys that holds a string.
pub fn text_of(item: &Value, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| text(item, k))
}

/// An integer field.
pub fn int(item: &Value, key: &str) -> Option<i64> {
    item.get(key).and_then(Value::as_i64)
}

/// A number field.
pub fn float(item: &Value, key: &str) -> Option<f64> {
    item.get(key).and_then(Value::as_f64)
}

/// The start and end of an item's span (`span: {start, end}`, or `start`/`end` on the item).
pub fn span(item: &Value) -> (Option<i64>, Option<i64>) {
    let holder = item.get("span").unwrap_or(item);
    (int(holder, "start"), int(holder, "end"))
}

/// A field kept as JSON text (objects, arrays).
pub fn json(item: &Value, key: &str) -> Option<String> {
    item.get(key).filter(|v| !v.is_null()).map(Value::to_string)
}

/// The lowercase key a name is matched by, and its last word.
pub fn name_keys(name: &str) -> (String, String) {
    let key = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let key = key.to_lowercase();
    let last = key.rsplit(' ').next().unwrap_or_default().to_string();
    (key, last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn fields_are_read_leniently() {
        let item = json!({"span": {"start": 3, "end": 9}, "place": {"name": "Baghouz"}, "n": 4});
        assert_eq!(span(&item), (Some(3), Some(9)));
        assert_eq!(text(&item, "place").as_deref(), Some("Baghouz"));
        assert_eq!(text(&item, "n").as_deref(), Some("4"));
        assert!(layer(&item, "events").is_empty());
        assert_eq!(
            name_keys(" Sjoerd  Wijnstra"),
            ("sjoerd wijnstra".into(), "wijnstra".into())
        );
    }
}
