//! Query-string parameters of the listings: filters, page and page size, checked strictly so
//! that a malformed request gets a 400 with a message (never a 500 or a silent default).

use crate::error::RequestError;
use kroniek_store::{BoundingBox, EventFilter, Near, Page, Query};

/// The filter parameters every listing accepts.
pub const FILTERS: [&str; 11] = [
    "q",
    "speaker",
    "entity",
    "place",
    "near",
    "km",
    "event_type",
    "from",
    "to",
    "lang",
    "outlet",
];

/// The parameters only the event listings accept: filters on the events themselves
/// (`country=NL`, `bbox=WEST,SOUTH,EAST,NORTH` in degrees).
pub const EVENT_FILTERS: [&str; 2] = ["country", "bbox"];

/// Deepest item a listing may page to: deeper pages get a 400 asking to narrow the search
/// (keeps every request's cost bounded at 100,000 documents and beyond).
pub const MAX_DEPTH: u64 = 10_000;

/// Longest accepted value of a parameter, in characters.
const MAX_VALUE_CHARS: usize = 500;

/// Default search radius for `near`, in kilometres.
const DEFAULT_KM: f64 = 25.0;

/// Page sizes of a listing.
#[derive(Debug, Clone, Copy)]
pub struct PageSize {
    /// Size when `per_page` is not given.
    pub default: u32,
    /// Largest accepted `per_page`.
    pub max: u32,
}

/// A parsed query string.
#[derive(Debug, Clone, Default)]
pub struct Params {
    /// The store query.
    pub query: Query,
    /// 1-based page number.
    pub page: u32,
    /// Items per page.
    pub per_page: u32,
    /// The non-empty filters as given (to fill forms and build page links).
    pub filters: Vec<(String, String)>,
}

impl Params {
    /// The store page.
    pub fn store_page(&self) -> Page {
        Page {
            limit: self.per_page,
            offset: (self.page - 1).saturating_mul(self.per_page),
        }
    }

    /// The value of a filter as given, or "" (for forms).
    pub fn get(&self, key: &str) -> &str {
        self.filters
            .iter()
            .find(|(k, _)| k == key)
            .map_or("", |(_, v)| v.as_str())
    }

    /// `path` with these filters, a page number and this page size (when not the default).
    pub fn link(&self, path: &str, page: u32, size: PageSize) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (k, v) in &self.filters {
            query.append_pair(k, v);
        }
        if page > 1 {
            query.append_pair("page", &page.to_string());
        }
        if self.per_page != size.default {
            query.append_pair("per_page", &self.per_page.to_string());
        }
        let query = query.finish();
        if query.is_empty() {
            path.to_string()
        } else {
            format!("{path}?{query}")
        }
    }
}

/// Parses a query string (`None`: no query string) with the listing filters, `page` and
/// `per_page`, plus the `extra` keys a handler accepts (returned in `filters`).
pub fn parse(raw: Option<&str>, size: PageSize, extra: &[&str]) -> Result<Params, RequestError> {
    let mut params = Params {
        page: 1,
        per_page: size.default,
        ..Params::default()
    };
    let mut seen: Vec<String> = Vec::new();
    let mut km = None;
    for (key, value) in form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
        if seen.iter().any(|k| *k == key) {
            return Err(RequestError::bad(format!(
                "parameter {key:?} is given twice"
            )));
        }
        seen.push(key.to_string());
        if value.chars().count() > MAX_VALUE_CHARS {
            return Err(RequestError::bad(format!(
                "parameter {key:?} is longer than {MAX_VALUE_CHARS} characters"
            )));
        }
        let value = value.trim();
        match key.as_ref() {
            "page" => params.page = number(&key, value, 1, u32::MAX)?,
            "per_page" => params.per_page = number(&key, value, 1, size.max)?,
            k if !FILTERS.contains(&k) && !extra.contains(&k) => {
                return Err(RequestError::bad(format!("unknown parameter {k:?}")));
            }
            _ if value.is_empty() => {}
            "km" => km = Some(value.to_string()),
            k => params.filters.push((k.to_string(), value.to_string())),
        }
    }
    if let Some(km) = &km {
        params.filters.push(("km".into(), km.clone()));
    }
    params.query = query(&params.filters, km.as_deref())?;
    check_depth(&params)?;
    Ok(params)
}

/// The store query of the given filters.
fn query(filters: &[(String, String)], km: Option<&str>) -> Result<Query, RequestError> {
    let get = |key: &str| {
        filters
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    };
    let near = match (get("near"), km) {
        (Some(near), km) => Some(parse_near(&near, km)?),
        (None, Some(_)) => return Err(RequestError::bad("km needs near=LAT,LON")),
        (None, None) => None,
    };
    for key in ["from", "to"] {
        if let Some(date) = get(key) {
            check_date(key, &date)?;
        }
    }
    if let Some(lang) = get("lang") {
        if !["nl", "en", "other"].contains(&lang.as_str()) {
            return Err(RequestError::bad(format!(
                "lang {lang:?} is not one of nl, en, other"
            )));
        }
    }
    Ok(Query {
        text: get("q"),
        speaker: get("speaker"),
        entity: get("entity"),
        place: get("place"),
        near,
        event_type: get("event_type"),
        from: get("from"),
        to: get("to"),
        lang: get("lang"),
        outlet: get("outlet"),
    })
}

/// The event filter of the parameters' `country` and `bbox` (see [`EVENT_FILTERS`]).
pub fn event_filter(params: &Params) -> Result<EventFilter, RequestError> {
    let country = match params.get("country") {
        "" => None,
        c if c.len() == 2 && c.bytes().all(|b| b.is_ascii_alphabetic()) => {
            Some(c.to_ascii_uppercase())
        }
        c => {
            return Err(RequestError::bad(format!(
                "country must be a two-letter ISO 3166-1 code (such as NL), not {c:?}"
            )))
        }
    };
    let bbox = match params.get("bbox") {
        "" => None,
        b => Some(parse_bbox(b)?),
    };
    Ok(EventFilter { country, bbox })
}

/// `bbox=WEST,SOUTH,EAST,NORTH` in degrees (GeoJSON's order); a west above the east crosses
/// the antimeridian.
fn parse_bbox(bbox: &str) -> Result<BoundingBox, RequestError> {
    BoundingBox::parse(bbox).map_err(|_| {
        RequestError::bad(format!(
            "bbox must be WEST,SOUTH,EAST,NORTH in degrees (such as 3.3,50.7,7.3,53.6), with the south at or below the north, not {bbox:?}"
        ))
    })
}

/// An integer parameter within bounds.
fn number(key: &str, value: &str, min: u32, max: u32) -> Result<u32, RequestError> {
    value
        .parse::<u32>()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| {
            RequestError::bad(format!(
                "{key} must be a whole number from {min} to {max}, not {value:?}"
            ))
        })
}

/// `near=LAT,LON` with an optional `km` radius.
fn parse_near(near: &str, km: Option<&str>) -> Result<Near, RequestError> {
    let bad = || {
        RequestError::bad(format!(
            "near must be LAT,LON in degrees (such as 52.37,4.90), not {near:?}"
        ))
    };
    let (lat, lon) = near.split_once(',').ok_or_else(bad)?;
    let lat: f64 = lat.trim().parse().map_err(|_| bad())?;
    let lon: f64 = lon.trim().parse().map_err(|_| bad())?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(bad());
    }
    let km = match km {
        None => DEFAULT_KM,
        Some(km) => km
            .parse::<f64>()
            .ok()
            .filter(|k| *k > 0.0 && *k <= 20_100.0)
            .ok_or_else(|| {
                RequestError::bad(format!(
                    "km must be a distance in kilometres above 0, not {km:?}"
                ))
            })?,
    };
    Ok(Near { lat, lon, km })
}

/// A date filter: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn check_date(key: &str, date: &str) -> Result<(), RequestError> {
    let parts: Vec<&str> = date.split('-').collect();
    let field = |i: usize, len: usize, max: u32| {
        parts.get(i).is_some_and(|p| {
            p.len() == len
                && p.bytes().all(|b| b.is_ascii_digit())
                && p.parse::<u32>()
                    .is_ok_and(|n| n <= max && (len == 4 || n >= 1))
        })
    };
    let ok = parts.len() <= 3
        && field(0, 4, 9999)
        && (parts.len() < 2 || field(1, 2, 12))
        && (parts.len() < 3 || field(2, 2, 31));
    if ok {
        Ok(())
    } else {
        Err(RequestError::bad(format!(
            "{key} must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not {date:?}"
        )))
    }
}

/// Refuses pages deeper than [`MAX_DEPTH`] items.
fn check_depth(params: &Params) -> Result<(), RequestError> {
    let depth = u64::from(params.page - 1) * u64::from(params.per_page);
    if depth >= MAX_DEPTH {
        return Err(RequestError::bad(format!(
            "page {} is too deep (only the first {MAX_DEPTH} items can be paged to); narrow the search with a filter",
            params.page
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIZE: PageSize = PageSize {
        default: 20,
        max: 100,
    };

    #[test]
    fn filters_become_a_query() {
        let p = parse(
            Some("q=woningen&place=Zwolle&near=52.5%2C6.1&km=10&from=2024-02&lang=nl&page=2"),
            SIZE,
            &[],
        )
        .unwrap();
        assert_eq!(p.query.text.as_deref(), Some("woningen"));
        assert_eq!(p.query.place.as_deref(), Some("Zwolle"));
        assert_eq!(p.query.near.unwrap().km, 10.0);
        assert_eq!(
            p.store_page(),
            Page {
                limit: 20,
                offset: 20
            }
        );
        assert!(p.link("/", 3, SIZE).contains("page=3"));
    }

    #[test]
    fn empty_fields_are_absent() {
        let p = parse(Some("q=&speaker=&page=1"), SIZE, &[]).unwrap();
        assert_eq!(p.query, Query::default());
        assert!(p.filters.is_empty());
        assert_eq!(p.link("/", 1, SIZE), "/");
    }

    #[test]
    fn malformed_queries_are_refused() {
        for bad in [
            "page=0",
            "page=x",
            "per_page=1000",
            "near=abc",
            "near=91,0",
            "km=5",
            "near=52,4&km=-1",
            "from=2024-13",
            "to=24-01-01",
            "lang=fr",
            "nonsense=1",
            "q=a&q=b",
            "page=100000",
        ] {
            let result = parse(Some(bad), SIZE, &[]);
            assert!(result.is_err(), "{bad} accepted");
            assert_eq!(result.unwrap_err().status, 400);
        }
    }

    #[test]
    fn event_filters_are_checked() {
        let p = parse(
            Some("country=nl&bbox=3.3,50.7,7.3,53.6"),
            SIZE,
            &EVENT_FILTERS,
        )
        .unwrap();
        let filter = event_filter(&p).unwrap();
        assert_eq!(filter.country.as_deref(), Some("NL"));
        assert_eq!(filter.bbox.unwrap().north, 53.6);
        assert_eq!(
            event_filter(&parse(None, SIZE, &EVENT_FILTERS).unwrap()).unwrap(),
            EventFilter::default()
        );
        for bad in [
            "country=NLD",
            "country=1",
            "country=é",
            "bbox=1,2,3",
            "bbox=1,2,3,4,5",
            "bbox=0,10,1,5",
            "bbox=0,0,181,1",
            "bbox=a,b,c,d",
            "bbox=NaN,0,1,1",
        ] {
            let p = parse(Some(bad), SIZE, &EVENT_FILTERS).unwrap();
            assert!(event_filter(&p).is_err(), "{bad} accepted");
        }
        assert!(parse(Some("country=NL"), SIZE, &[]).is_err());
    }

    #[test]
    fn percent_garbage_is_not_a_crash() {
        assert!(parse(Some("q=%ff%fe%00&x"), SIZE, &[]).is_err());
        assert!(parse(Some("q=%ff%fe"), SIZE, &[]).is_ok());
    }
}
