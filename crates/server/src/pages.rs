//! The web interface: server-rendered pages (askama templates escape every value).

use crate::article::{self, pair, PanelSection};
use crate::error::RequestError;
use crate::map::{self, Country};
use crate::marks::{highlight, segments, Segment};
use crate::params::{self, PageSize, Params};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use kroniek_store::{
    Archive, BoundingBox, Counted, DocumentSummary, EventFilter, EventHit, Page, Query,
};
use std::sync::Arc;

/// Page sizes of the pages.
const SEARCH: PageSize = PageSize {
    default: 20,
    max: 100,
};
const SPEAKERS: PageSize = PageSize {
    default: 50,
    max: 200,
};
const QUOTES: PageSize = PageSize {
    default: 30,
    max: 200,
};
const PLACES: PageSize = PageSize {
    default: 200,
    max: 1000,
};
const EVENTS: PageSize = PageSize {
    default: 100,
    max: 500,
};
/// Most events the map shows (those with coordinates, by date).
const MAP_EVENTS: u32 = 200;
/// The whole world, as a box: selects the events that have coordinates.
const WORLD: BoundingBox = BoundingBox {
    west: -180.0,
    south: -90.0,
    east: 180.0,
    north: 90.0,
};

/// Routes of the pages.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/", get(search))
        .route("/doc/{id}", get(document))
        .route("/speakers", get(speakers))
        .route("/quotes", get(quotes))
        .route("/map", get(map_page))
        .route("/timeline", get(timeline))
}

type Shared = State<Arc<AppState>>;

/// Renders a template with a status (a 500 page if rendering fails).
fn render(status: StatusCode, template: &impl Template) -> Response {
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => error_page(&RequestError::internal(&e)),
    }
}

/// The page for a failed request.
fn error_page(error: &RequestError) -> Response {
    let page = ErrorPage {
        nav: "",
        status: error.status.to_string(),
        message: error.message.clone(),
    };
    match page.render() {
        Ok(html) => (error.status, Html(html)).into_response(),
        Err(_) => (error.status, error.message.clone()).into_response(),
    }
}

/// The 404 page for unknown paths (JSON under `/api/`).
pub async fn not_found(uri: axum::http::Uri) -> Response {
    let error = RequestError::not_found(format!("there is no page at {}", uri.path()));
    if uri.path().starts_with("/api/") {
        return crate::error::ApiError(error).into_response();
    }
    error_page(&error)
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    nav: &'static str,
    status: String,
    message: String,
}

/// Links to the previous and next page and the range shown.
pub struct Pager {
    prev: Option<String>,
    next: Option<String>,
    first: u64,
    last: u64,
    total: u64,
}

impl Pager {
    fn new(path: &str, params: &Params, size: PageSize, shown: usize, total: u64) -> Pager {
        let first = u64::from(params.page - 1) * u64::from(params.per_page) + 1;
        let last = first + shown as u64 - 1;
        let deeper = u64::from(params.page) * u64::from(params.per_page) < params::MAX_DEPTH;
        Pager {
            prev: (params.page > 1).then(|| params.link(path, params.page - 1, size)),
            next: (last < total && deeper).then(|| params.link(path, params.page + 1, size)),
            first: first.min(total),
            last: last.min(total),
            total,
        }
    }

    fn empty() -> Pager {
        Pager {
            prev: None,
            next: None,
            first: 0,
            last: 0,
            total: 0,
        }
    }
}

/// A document's title, or a stand-in.
fn title_of(document: &DocumentSummary) -> String {
    document
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| format!("Document {}", document.id))
}

/// The date part of a publication date.
fn date_of(published: Option<&str>) -> String {
    let published = published.unwrap_or("");
    published.get(..10).unwrap_or(published).to_string()
}

/// Parses a page's query string; on failure the page shows the message with a 400.
fn parse(raw: &Option<String>, size: PageSize, extra: &[&str]) -> (Params, Option<RequestError>) {
    match params::parse(raw.as_deref(), size, extra) {
        Ok(params) => (params, None),
        Err(error) => {
            // Keep what can be shown in the form; the page shows the message.
            (
                Params {
                    page: 1,
                    per_page: size.default,
                    ..Params::default()
                },
                Some(error),
            )
        }
    }
}

/// Runs a store listing unless the parameters were bad.
async fn listing<T: Send + 'static>(
    state: &Arc<AppState>,
    params: &Params,
    bad: Option<RequestError>,
    list: fn(
        &kroniek_store::SqliteArchive,
        &Query,
        kroniek_store::Page,
    ) -> Result<Counted<T>, kroniek_store::StoreError>,
) -> Result<Counted<T>, RequestError> {
    if let Some(error) = bad {
        return Err(error);
    }
    let (query, page) = (params.query.clone(), params.store_page());
    state.read(move |store| list(store, &query, page)).await
}

/// The status and message of a failed listing (`None`: it worked).
fn failure<T>(result: &Result<T, RequestError>) -> (StatusCode, Option<String>) {
    match result {
        Ok(_) => (StatusCode::OK, None),
        Err(e) => (e.status, Some(e.message.clone())),
    }
}

// ---------------------------------------------------------------- search

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    nav: &'static str,
    action: &'static str,
    params: Params,
    error: Option<String>,
    pager: Pager,
    hits: Vec<HitView>,
}

struct HitView {
    id: i64,
    title: String,
    published: String,
    outlet: String,
    lang: String,
    pieces: Vec<(String, bool)>,
    cut_before: bool,
    cut_after: bool,
}

async fn search(State(state): Shared, RawQuery(raw): RawQuery) -> Response {
    let (params, bad) = parse(&raw, SEARCH, &[]);
    let result = listing(&state, &params, bad, |s, q, p| s.search(q, p)).await;
    let (status, error) = failure(&result);
    let (pager, hits) = match result {
        Ok(found) => (
            Pager::new("/", &params, SEARCH, found.items.len(), found.total),
            found.items.into_iter().map(hit_view).collect(),
        ),
        Err(_) => (Pager::empty(), Vec::new()),
    };
    let page = SearchPage {
        nav: "search",
        action: "/",
        params,
        error,
        pager,
        hits,
    };
    render(status, &page)
}

fn hit_view(hit: kroniek_store::SearchHit) -> HitView {
    let snippet = hit.snippet;
    let highlights: Vec<(usize, usize)> = snippet
        .highlights
        .iter()
        .map(|h| (h.start, h.end))
        .collect();
    HitView {
        id: hit.document.id,
        title: title_of(&hit.document),
        published: date_of(hit.document.published.as_deref()),
        outlet: hit.document.outlet.clone().unwrap_or_default(),
        lang: hit.document.lang.clone(),
        pieces: highlight(&snippet.text, snippet.span.start, &highlights),
        cut_before: snippet.cut_before,
        cut_after: snippet.cut_after,
    }
}

// ---------------------------------------------------------------- article

#[derive(Template)]
#[template(path = "document.html")]
struct DocumentPage {
    nav: &'static str,
    id: i64,
    title: String,
    published: String,
    outlet: String,
    author: String,
    lang: String,
    url: Option<String>,
    segments: Vec<Segment>,
    panel: Vec<PanelSection>,
}

async fn document(State(state): Shared, Path(id): Path<String>) -> Response {
    let Ok(id) = id.parse::<i64>() else {
        return error_page(&RequestError::bad(format!(
            "{id:?} is not a document id (a number)"
        )));
    };
    match state.read(move |store| store.document(id)).await {
        Ok(Some(stored)) => {
            let (marks, panel) = article::read(&stored.analysis, &stored.text);
            let page = DocumentPage {
                nav: "",
                id,
                title: title_of(&stored.document),
                published: date_of(stored.document.published.as_deref()),
                outlet: stored.document.outlet.clone().unwrap_or_default(),
                author: stored.author.clone().unwrap_or_default(),
                lang: stored.document.lang.clone(),
                url: stored.document.url.clone().filter(|u| is_web_url(u)),
                segments: segments(&stored.text, &marks),
                panel,
            };
            render(StatusCode::OK, &page)
        }
        Ok(None) => error_page(&RequestError::not_found(format!(
            "there is no document {id}"
        ))),
        Err(error) => error_page(&error),
    }
}

/// Whether a url may be linked: http or https only (never `javascript:` or `data:`).
fn is_web_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

// ---------------------------------------------------------------- speakers and quotes

#[derive(Template)]
#[template(path = "speakers.html")]
struct SpeakersPage {
    nav: &'static str,
    action: &'static str,
    params: Params,
    error: Option<String>,
    pager: Pager,
    speakers: Vec<SpeakerView>,
}

struct SpeakerView {
    name: String,
    link: String,
    quotes: u64,
    documents: u64,
    outlets: Vec<(String, u64)>,
}

async fn speakers(State(state): Shared, RawQuery(raw): RawQuery) -> Response {
    let (params, bad) = parse(&raw, SPEAKERS, &[]);
    let result = listing(&state, &params, bad, |s, q, p| s.speakers(q, p)).await;
    let (status, error) = failure(&result);
    let (pager, speakers) = match result {
        Ok(found) => (
            Pager::new(
                "/speakers",
                &params,
                SPEAKERS,
                found.items.len(),
                found.total,
            ),
            found
                .items
                .into_iter()
                .map(|s| SpeakerView {
                    link: format!("/quotes?{}", pair("speaker", &s.name)),
                    name: s.name,
                    quotes: s.quotes,
                    documents: s.documents,
                    outlets: s
                        .outlets
                        .into_iter()
                        .map(|o| {
                            (
                                o.outlet.unwrap_or_else(|| "unknown outlet".into()),
                                o.quotes,
                            )
                        })
                        .collect(),
                })
                .collect(),
        ),
        Err(_) => (Pager::empty(), Vec::new()),
    };
    let page = SpeakersPage {
        nav: "speakers",
        action: "/speakers",
        params,
        error,
        pager,
        speakers,
    };
    render(status, &page)
}

#[derive(Template)]
#[template(path = "quotes.html")]
struct QuotesPage {
    nav: &'static str,
    speaker: String,
    error: Option<String>,
    pager: Pager,
    quotes: Vec<QuoteView>,
}

struct QuoteView {
    text: String,
    speaker: String,
    cue: String,
    kind: String,
    title: String,
    link: String,
    published: String,
    outlet: String,
}

async fn quotes(State(state): Shared, RawQuery(raw): RawQuery) -> Response {
    let (params, bad) = parse(&raw, QUOTES, &[]);
    let result = listing(&state, &params, bad, |s, q, p| s.quotes(q, p)).await;
    let (status, error) = failure(&result);
    let (pager, quotes) = match result {
        Ok(found) => (
            Pager::new("/quotes", &params, QUOTES, found.items.len(), found.total),
            found
                .items
                .into_iter()
                .map(|q| QuoteView {
                    link: match q.start {
                        Some(start) => format!("/doc/{}#at-{start}", q.document.id),
                        None => format!("/doc/{}", q.document.id),
                    },
                    title: title_of(&q.document),
                    published: date_of(q.document.published.as_deref()),
                    outlet: q.document.outlet.clone().unwrap_or_default(),
                    text: q.text,
                    speaker: q.speaker.unwrap_or_default(),
                    cue: q.cue.unwrap_or_default(),
                    kind: q.kind,
                })
                .collect(),
        ),
        Err(_) => (Pager::empty(), Vec::new()),
    };
    let speaker = params.get("speaker").to_string();
    render(
        status,
        &QuotesPage {
            nav: "speakers",
            speaker,
            error,
            pager,
            quotes,
        },
    )
}

// ---------------------------------------------------------------- map

#[derive(Template)]
#[template(path = "map.html")]
struct MapPage {
    nav: &'static str,
    action: &'static str,
    params: Params,
    error: Option<String>,
    pager: Pager,
    countries: Vec<Country>,
    view_box: String,
    world: bool,
    world_link: String,
    dots: Vec<Dot>,
    places: Vec<Dot>,
    events: Vec<EventDot>,
}

/// An event with coordinates on the map: a square linking to its article.
struct EventDot {
    label: String,
    link: String,
    x: String,
    y: String,
    side: String,
}

/// A place on the map and in the table.
struct Dot {
    name: String,
    country: String,
    link: String,
    documents: u64,
    mentions: u64,
    x: String,
    y: String,
    r: String,
    placed: bool,
}

async fn map_page(State(state): Shared, RawQuery(raw): RawQuery) -> Response {
    let (params, bad) = parse(&raw, PLACES, &["view"]);
    let world = params.get("view") == "world";
    let result = listing(&state, &params, bad, |s, q, p| s.places(q, p)).await;
    let (status, error) = failure(&result);
    let (pager, places) = match result {
        Ok(found) => (
            Pager::new("/map", &params, PLACES, found.items.len(), found.total),
            found.items,
        ),
        Err(_) => (Pager::empty(), Vec::new()),
    };
    // The events with coordinates of the same documents (none when the listing failed, or
    // on a store too old to have event coordinates).
    let located = if error.is_none() {
        let query = params.query.clone();
        let filter = EventFilter {
            country: None,
            bbox: Some(WORLD),
        };
        let page = Page {
            limit: MAP_EVENTS,
            offset: 0,
        };
        state
            .read(move |s| s.events_where(&query, &filter, page))
            .await
            .map(|found| found.items)
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    let event_points: Vec<((f64, f64), &EventHit)> = located
        .iter()
        .filter_map(|e| Some((map::project(e.latitude?, e.longitude?), e)))
        .collect();
    let points: Vec<(f64, f64)> = places
        .iter()
        .filter_map(|p| Some(map::project(p.lat?, p.lon?)))
        .chain(event_points.iter().map(|(point, _)| *point))
        .collect();
    let (x, y, w, h) = if world {
        map::view_box(&[])
    } else {
        map::view_box(&points)
    };
    let most = places.iter().map(|p| p.documents).max().unwrap_or(1).max(1) as f64;
    let dots: Vec<Dot> = places
        .into_iter()
        .map(|p| {
            let placed = p.lat.zip(p.lon).map(|(lat, lon)| map::project(lat, lon));
            let share = (p.documents as f64 / most).sqrt();
            let (px, py) = placed.unwrap_or_default();
            Dot {
                link: format!("/?{}", pair("place", &p.name)),
                name: p.name,
                country: p.country.unwrap_or_default(),
                documents: p.documents,
                mentions: p.mentions,
                x: format!("{px:.3}"),
                y: format!("{py:.3}"),
                r: format!("{:.3}", w * (0.003 + 0.012 * share)),
                placed: placed.is_some(),
            }
        })
        .collect();
    let side = w * 0.011;
    let events = event_points
        .iter()
        .map(|((px, py), e)| EventDot {
            label: event_label(e),
            link: format!("/doc/{}", e.document.id),
            x: format!("{:.3}", px - side / 2.0),
            y: format!("{:.3}", py - side / 2.0),
            side: format!("{side:.3}"),
        })
        .collect();
    let mut world_params = params.clone();
    world_params.filters.push(("view".into(), "world".into()));
    let page = MapPage {
        nav: "map",
        action: "/map",
        world_link: world_params.link("/map", 1, PLACES),
        params,
        error,
        pager,
        countries: map::countries(),
        view_box: format!("{x:.2} {y:.2} {w:.2} {h:.2}"),
        world,
        // The table lists every place of the page; the map only those with coordinates.
        places: dots.iter().map(Dot::copy).collect(),
        dots: dots.into_iter().filter(|d| d.placed).collect(),
        events,
    };
    render(status, &page)
}

/// An event's tooltip on the map: kind, place, date and article title.
fn event_label(event: &EventHit) -> String {
    let mut label = kind_of(event);
    if let Some(place) = event.place.as_deref().filter(|p| !p.is_empty()) {
        label.push_str(" in ");
        label.push_str(place);
    }
    if let Some(date) = event.date.as_deref().filter(|d| !d.is_empty()) {
        label.push_str(" · ");
        label.push_str(date);
    }
    label.push_str(" · ");
    label.push_str(&title_of(&event.document));
    label
}

/// An event's type and sub-type, for people.
fn kind_of(event: &EventHit) -> String {
    match (&event.event_type, &event.sub_type) {
        (Some(t), Some(s)) => format!("{t} / {s}"),
        (Some(t), None) => t.clone(),
        _ => "event".into(),
    }
}

impl Dot {
    fn copy(&self) -> Dot {
        Dot {
            name: self.name.clone(),
            country: self.country.clone(),
            link: self.link.clone(),
            documents: self.documents,
            mentions: self.mentions,
            x: self.x.clone(),
            y: self.y.clone(),
            r: self.r.clone(),
            placed: self.placed,
        }
    }
}

// ---------------------------------------------------------------- timeline

#[derive(Template)]
#[template(path = "timeline.html")]
struct TimelinePage {
    nav: &'static str,
    action: &'static str,
    params: Params,
    error: Option<String>,
    pager: Pager,
    months: Vec<Month>,
}

/// The events of one month (of the page shown).
struct Month {
    label: String,
    width: String,
    events: Vec<EventView>,
}

struct EventView {
    kind: String,
    place: String,
    date: String,
    title: String,
    link: String,
}

async fn timeline(State(state): Shared, RawQuery(raw): RawQuery) -> Response {
    let (params, mut bad) = parse(&raw, EVENTS, &params::EVENT_FILTERS);
    let filter = match params::event_filter(&params) {
        Ok(filter) => filter,
        Err(error) => {
            bad = bad.or(Some(error));
            EventFilter::default()
        }
    };
    let result = match bad {
        Some(error) => Err(error),
        None => {
            let (query, page) = (params.query.clone(), params.store_page());
            state
                .read(move |s| s.events_where(&query, &filter, page))
                .await
        }
    };
    let (status, error) = failure(&result);
    let (pager, months) = match result {
        Ok(found) => (
            Pager::new("/timeline", &params, EVENTS, found.items.len(), found.total),
            months(found.items),
        ),
        Err(_) => (Pager::empty(), Vec::new()),
    };
    let page = TimelinePage {
        nav: "timeline",
        action: "/timeline",
        params,
        error,
        pager,
        months,
    };
    render(status, &page)
}

/// Events grouped by month (in the store's date order), with bar widths in tenths of the
/// busiest month.
fn months(events: Vec<EventHit>) -> Vec<Month> {
    let mut months: Vec<Month> = Vec::new();
    for event in events {
        let date = event.date.clone().unwrap_or_default();
        // An unresolved date ("Sunday") is placed by its document's publication date.
        let label = month_of(&date)
            .or_else(|| month_of(event.document.published.as_deref().unwrap_or("")))
            .unwrap_or_else(|| "no date".to_string());
        let view = EventView {
            kind: kind_of(&event),
            place: event.place.clone().unwrap_or_default(),
            date: date.clone(),
            title: title_of(&event.document),
            link: format!("/doc/{}", event.document.id),
        };
        match months.last_mut() {
            Some(m) if m.label == label => m.events.push(view),
            _ => months.push(Month {
                label,
                width: String::new(),
                events: vec![view],
            }),
        }
    }
    let most = months
        .iter()
        .map(|m| m.events.len())
        .max()
        .unwrap_or(1)
        .max(1);
    for m in &mut months {
        m.width = format!("w{}", (m.events.len() * 10).div_ceil(most).clamp(1, 10));
    }
    months
}

/// `YYYY-MM` of an ISO 8601 date or date-time.
fn month_of(date: &str) -> Option<String> {
    let month = date.get(..7)?;
    let bytes = month.as_bytes();
    let digits = |r: std::ops::Range<usize>| bytes[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && bytes[4] == b'-' && digits(5..7)).then(|| month.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_of_iso_dates_only() {
        assert_eq!(month_of("2024-05-31").as_deref(), Some("2024-05"));
        assert_eq!(month_of("2024-05").as_deref(), Some("2024-05"));
        assert_eq!(month_of("Sunday"), None);
        assert_eq!(month_of("zondag 5"), None);
        assert_eq!(month_of("één-twee"), None);
    }

    #[test]
    fn only_web_urls_are_linked() {
        assert!(is_web_url("https://example.org/a"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url(" data:text/html,x"));
    }

    #[test]
    fn dates_are_cut_on_char_boundaries() {
        assert_eq!(date_of(Some("2024-05-31T10:00:00Z")), "2024-05-31");
        assert_eq!(date_of(Some("aéééééé")), "aéééééé");
        assert_eq!(date_of(None), "");
    }
}
