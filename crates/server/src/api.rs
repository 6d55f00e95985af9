//! The JSON API (described in `openapi.json`, served at `/api/openapi.json`).

use crate::error::{ApiError, RequestError};
use crate::params::{self, PageSize, Params};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use kroniek_store::{
    Archive, Counted, EventHit, NewDocument, Page, Query, SqliteArchive, StoreError,
};
use kroniek_text::{Document, Lang, Meta};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// The OpenAPI 3.1 description of this API.
pub const OPENAPI: &str = include_str!("../openapi.json");

/// Page size of every API listing.
const SIZE: PageSize = PageSize {
    default: 20,
    max: 100,
};

/// Routes of the API.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/api/openapi.json", get(openapi))
        .route("/api/search", get(search))
        .route("/api/documents/{id}", get(document))
        .route("/api/speakers", get(speakers))
        .route("/api/quotes", get(quotes))
        .route("/api/places", get(places))
        .route("/api/events", get(events))
        .route("/api/stats", get(stats))
        .route("/api/ingest", post(ingest))
}

type Shared = State<Arc<AppState>>;

/// One page of a listing.
#[derive(Debug, Serialize)]
struct Paged<T> {
    /// Items over all pages.
    total: u64,
    /// This page (1-based).
    page: u32,
    /// Items per page.
    per_page: u32,
    /// This page's items.
    items: Vec<T>,
}

async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI)
}

/// A store listing with the request's filters and page, as JSON.
async fn listed<T: Serialize + Send + 'static>(
    state: &Arc<AppState>,
    raw: Option<String>,
    list: fn(&SqliteArchive, &Query, Page) -> Result<Counted<T>, StoreError>,
) -> Result<Json<Paged<T>>, ApiError> {
    let params: Params = params::parse(raw.as_deref(), SIZE, &[])?;
    let (query, page) = (params.query.clone(), params.store_page());
    let found = state.read(move |store| list(store, &query, page)).await?;
    Ok(Json(Paged {
        total: found.total,
        page: params.page,
        per_page: params.per_page,
        items: found.items,
    }))
}

async fn search(State(state): Shared, RawQuery(raw): RawQuery) -> Response {
    listed(&state, raw, |s, q, p| s.search(q, p))
        .await
        .into_response()
}

async fn speakers(State(state): Shared, RawQuery(raw): RawQuery) -> Response {
    listed(&state, raw, |s, q, p| s.speakers(q, p))
        .await
        .into_response()
}

async fn quotes(State(state): Shared, RawQuery(raw): RawQuery) -> Response {
    listed(&state, raw, |s, q, p| s.quotes(q, p))
        .await
        .into_response()
}

async fn places(State(state): Shared, RawQuery(raw): RawQuery) -> Response {
    listed(&state, raw, |s, q, p| s.places(q, p))
        .await
        .into_response()
}

/// Events, with the listing filters plus `country` and `bbox` on the events themselves.
async fn events(
    State(state): Shared,
    RawQuery(raw): RawQuery,
) -> Result<Json<Paged<EventHit>>, ApiError> {
    let params = params::parse(raw.as_deref(), SIZE, &params::EVENT_FILTERS)?;
    let filter = params::event_filter(&params)?;
    let (query, page) = (params.query.clone(), params.store_page());
    let found = state
        .read(move |store| store.events_where(&query, &filter, page))
        .await?;
    Ok(Json(Paged {
        total: found.total,
        page: params.page,
        per_page: params.per_page,
        items: found.items,
    }))
}

async fn stats(State(state): Shared) -> Result<Response, ApiError> {
    let stats = state.read(|store| store.stats()).await?;
    Ok(Json(stats).into_response())
}

async fn document(State(state): Shared, Path(id): Path<String>) -> Result<Response, ApiError> {
    let id: i64 = id
        .parse()
        .map_err(|_| RequestError::bad(format!("{id:?} is not a document id (a number)")))?;
    match state.read(move |store| store.document(id)).await? {
        Some(document) => Ok(Json(document).into_response()),
        None => Err(RequestError::not_found(format!("there is no document {id}")).into()),
    }
}

/// A document sent to `POST /api/ingest`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct IngestRequest {
    text: String,
    title: Option<String>,
    url: Option<String>,
    published: Option<String>,
    lang: Option<String>,
    outlet: Option<String>,
    author: Option<String>,
}

/// Analyses and stores one document; needs the server's ingest token.
async fn ingest(
    State(state): Shared,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let Some(ingest) = state.ingest.as_ref() else {
        return Err(RequestError::not_found(
            "ingest is disabled: start the server with --ingest-token to enable it",
        )
        .into());
    };
    if !bearer(&headers).is_some_and(|token| ingest.accepts(token)) {
        return Ok(unauthorized());
    }
    let request: IngestRequest = serde_json::from_slice(&body)
        .map_err(|e| RequestError::bad(format!("the body is not a document: {e}")))?;
    let lang = match request.lang.as_deref() {
        None | Some("") => None,
        Some(code) => Some(Lang::from_code(code).ok_or_else(|| {
            RequestError::bad(format!("lang {code:?} is not one of nl, en, other"))
        })?),
    };
    if request.text.trim().is_empty() {
        return Err(RequestError::bad("the text is empty").into());
    }
    let state = Arc::clone(&state);
    let outcome = tokio::task::spawn_blocking(move || analyse_and_store(&state, request, lang))
        .await
        .map_err(|e| RequestError::internal(&e))??;
    Ok((StatusCode::OK, Json(outcome)).into_response())
}

/// The token of an `Authorization: Bearer TOKEN` header.
fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

fn unauthorized() -> Response {
    let body =
        serde_json::json!({"error": "this endpoint needs Authorization: Bearer <ingest token>"});
    (
        StatusCode::UNAUTHORIZED,
        [(header::WWW_AUTHENTICATE, "Bearer")],
        Json(body),
    )
        .into_response()
}

/// Runs the pipeline and stores the result (blocking).
fn analyse_and_store(
    state: &AppState,
    request: IngestRequest,
    lang: Option<Lang>,
) -> Result<kroniek_store::PutOutcome, RequestError> {
    let ingest = state
        .ingest
        .as_ref()
        .ok_or_else(|| RequestError::internal(&"ingest is not enabled"))?;
    let lang = lang.unwrap_or_else(|| kroniek_text::langid::identify(&request.text));
    let document = Document {
        id: format!("api:{}", kroniek_store::content_hash(&request.text)),
        text: request.text,
        lang,
        meta: Meta {
            title: request.title,
            url: request.url,
            published: request.published,
            outlet: request.outlet,
        },
    };
    let analysis = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        ingest.pipeline.analyse(&document)
    }))
    .map_err(|_| RequestError::bad("the analysis failed on this text (please report it)"))?;
    let json = serde_json::to_value(&analysis).map_err(|e| RequestError::internal(&e))?;
    let new = NewDocument::from_analysis(json, request.author, Some("api".into()))
        .map_err(|e| RequestError::bad(e.to_string()))?;
    let mut store = ingest
        .store
        .lock()
        .map_err(|_| RequestError::internal(&"the store writer was poisoned"))?;
    store.put(&new).map_err(RequestError::from)
}
