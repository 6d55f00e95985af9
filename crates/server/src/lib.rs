//! `kroniek serve`: the archive's JSON API and web interface, served by one binary, offline.
//!
//! ```text
//! GET  /                      search page (filters, paged results with highlighted snippets)
//! GET  /doc/{id}              article: text with quotes, entities, places, quantities, times
//!                             and events marked, and a side panel listing them
//! GET  /speakers              who is quoted, how often, in which outlets
//! GET  /quotes?speaker=NAME   the quotes of a speaker, each linking to its article
//! GET  /map                   places on an offline map of country outlines, sized by documents
//! GET  /timeline              events by date
//! GET  /static/{file}         the stylesheet, the script (embedded in the binary)
//! GET  /api/...               the JSON API, described in /api/openapi.json (OpenAPI 3.1)
//! POST /api/ingest            only with an ingest token (Authorization: Bearer TOKEN)
//! ```
//!
//! # Security
//!
//! Document text and metadata are untrusted. Pages are rendered by askama templates, which
//! escape every value; highlights and marks are built from character offsets into the text
//! (never from HTML in a document). Every response carries a strict Content-Security-Policy
//! (`default-src 'self'`, no inline script or style), `X-Content-Type-Options: nosniff`,
//! `Referrer-Policy: no-referrer` and `X-Frame-Options: DENY`. The server is read-only unless
//! started with an ingest token, compared in constant time. Request bodies are limited
//! ([`ServerConfig::max_body_bytes`]) and requests time out ([`ServerConfig::request_timeout`]).
//! Malformed queries get a 400 with a message.
//!
//! # Scale
//!
//! Every listing is paged by the store (no page reads a whole table); store calls run on
//! blocking threads with a bounded pool of read-only SQLite connections.

mod api;
mod article;
mod assets;
mod error;
mod map;
mod marks;
mod pages;
mod params;
mod state;

pub use error::ServerError;

use axum::http::{header, HeaderValue, StatusCode};
use axum::Router;
use state::AppState;
use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

/// The Content-Security-Policy of every response: only this server's own script, styles and
/// images; no inline script or style, no plugins, no framing, forms only to this server.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; \
form-action 'self'; frame-ancestors 'none'";

/// How the server runs.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// The store (an SQLite file written by `kroniek ingest`).
    pub db: PathBuf,
    /// When set, `POST /api/ingest` accepts documents from requests carrying
    /// `Authorization: Bearer <token>`; when `None` the server is read-only.
    pub ingest_token: Option<String>,
    /// Longest time one request may take before the server answers 503.
    pub request_timeout: Duration,
    /// Largest request body accepted (larger ones get 413).
    pub max_body_bytes: usize,
    /// Most store connections reading at once (requests beyond wait their turn).
    pub readers: usize,
}

impl ServerConfig {
    /// The defaults for a store: read-only, 10 s per request, 4 MiB bodies, two readers per
    /// core (at least four).
    pub fn new(db: PathBuf) -> ServerConfig {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        ServerConfig {
            db,
            ingest_token: None,
            request_timeout: Duration::from_secs(10),
            max_body_bytes: 4 * 1024 * 1024,
            readers: (cores * 2).max(4),
        }
    }
}

/// The whole application (pages, API, assets) with its security headers and limits, ready to
/// serve. Opens the store (creating it only when an ingest token allows writing).
pub fn app(config: &ServerConfig) -> Result<Router, ServerError> {
    let state = Arc::new(AppState::open(config)?);
    let routes = Router::new()
        .merge(pages::routes())
        .merge(api::routes())
        .merge(assets::routes())
        .fallback(pages::not_found)
        .with_state(state);
    Ok(with_limits(routes, config))
}

/// Adds the security headers, the body limit and the timeout.
fn with_limits(routes: Router, config: &ServerConfig) -> Router {
    let header = |name, value: &'static str| {
        SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value))
    };
    routes
        .layer(RequestBodyLimitLayer::new(config.max_body_bytes))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            config.request_timeout,
        ))
        .layer(header(
            header::CONTENT_SECURITY_POLICY,
            CONTENT_SECURITY_POLICY,
        ))
        .layer(header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(header(header::REFERRER_POLICY, "no-referrer"))
        .layer(header(header::X_FRAME_OPTIONS, "DENY"))
}

/// Serves the application on `listener` until `shutdown` completes.
pub async fn serve(
    listener: tokio::net::TcpListener,
    config: &ServerConfig,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    let app = app(config)?;
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(ServerError::Io)
}

/// A server running on its own threads (see [`start`]).
#[derive(Debug)]
pub struct Running {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<Result<(), ServerError>>>,
}

impl Running {
    /// The address it listens on (with the real port when started on port 0).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Blocks until the server ends (Ctrl-C, or [`Running::stop`] from elsewhere).
    pub fn wait(mut self) -> Result<(), ServerError> {
        self.join()
    }

    /// Stops the server, letting requests in flight finish.
    pub fn stop(mut self) -> Result<(), ServerError> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        self.join()
    }

    fn join(&mut self) -> Result<(), ServerError> {
        match self.thread.take() {
            Some(thread) => thread.join().unwrap_or_else(|_| Err(ServerError::Crashed)),
            None => Ok(()),
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let _ = self.join();
    }
}

/// Completes when the process is asked to terminate (SIGTERM, as service managers send);
/// never on systems without it.
async fn terminated() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            term.recv().await;
            return;
        }
    }
    std::future::pending::<()>().await;
}

/// Starts the server on `addr` (port 0 picks a free port) on a thread of its own with a
/// multi-threaded runtime; it stops on Ctrl-C, SIGTERM or [`Running::stop`]. The store is opened and
/// the port bound before this returns, so errors are reported here.
pub fn start(addr: SocketAddr, config: ServerConfig) -> Result<Running, ServerError> {
    let app = app(&config)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(ServerError::Io)?;
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind(addr))
        .map_err(|e| ServerError::Bind(addr, e))?;
    let addr = listener.local_addr().map_err(ServerError::Io)?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::Builder::new()
        .name("kroniek-serve".into())
        .spawn(move || {
            runtime.block_on(async move {
                let shutdown = async move {
                    tokio::select! {
                        _ = stopped => {}
                        _ = tokio::signal::ctrl_c() => {}
                        _ = terminated() => {}
                    }
                };
                axum::serve(listener, app)
                    .with_graceful_shutdown(shutdown)
                    .await
                    .map_err(ServerError::Io)
            })
        })
        .map_err(ServerError::Io)?;
    Ok(Running {
        addr,
        stop: Some(stop),
        thread: Some(thread),
    })
}
