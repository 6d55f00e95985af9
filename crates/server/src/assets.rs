//! The stylesheet and the script, embedded in the binary (no CDN, no files at run time).

use crate::state::AppState;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use std::sync::Arc;

/// The stylesheet.
const CSS: &str = include_str!("../assets/app.css");
/// The script: panel clicks scroll to the words; `#at-N` links scroll to a quote.
const JS: &str = include_str!("../assets/app.js");

/// Routes of the embedded files.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route(
            "/static/app.css",
            get(|| async { asset("text/css; charset=utf-8", CSS) }),
        )
        .route(
            "/static/app.js",
            get(|| async { asset("text/javascript; charset=utf-8", JS) }),
        )
}

/// An embedded file with its type, cacheable for an hour.
fn asset(content_type: &'static str, body: &'static str) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
}
