//! Errors: why the server could not start ([`ServerError`]) and why a request failed
//! ([`RequestError`], a status and a message, as JSON for the API and as a page for people).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use kroniek_store::StoreError;
use std::net::SocketAddr;
use std::path::PathBuf;

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// There is no store at the path and the server may not create one (read-only).
    #[error(
        "no store at {0} (fill one with `kroniek ingest`, or start with --ingest-token to create it)"
    )]
    NoStore(PathBuf),
    /// The ingest token is too short to be secret.
    #[error("the ingest token must have at least {0} characters")]
    WeakToken(usize),
    /// The store could not be opened.
    #[error("cannot open the store {0}: {1}")]
    Store(PathBuf, StoreError),
    /// The analysis pipeline (needed for ingest) could not be built.
    #[error("cannot build the analysis pipeline: {0}")]
    Pipeline(String),
    /// The address could not be bound.
    #[error("cannot listen on {0}: {1}")]
    Bind(SocketAddr, std::io::Error),
    /// Input or output failed while serving.
    #[error("server: {0}")]
    Io(std::io::Error),
    /// The server thread panicked.
    #[error("the server thread stopped unexpectedly")]
    Crashed,
}

/// Why a request failed: an HTTP status and a message for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestError {
    /// The status to answer with.
    pub status: StatusCode,
    /// What went wrong, in words a user can act on.
    pub message: String,
}

impl RequestError {
    /// A 400 Bad Request.
    pub fn bad(message: impl Into<String>) -> RequestError {
        RequestError {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }

    /// A 404 Not Found.
    pub fn not_found(message: impl Into<String>) -> RequestError {
        RequestError {
            status: StatusCode::NOT_FOUND,
            message: message.into(),
        }
    }

    /// A 500 for a failure that is the server's, not the request's (details go to the log).
    pub fn internal(detail: &dyn std::fmt::Display) -> RequestError {
        eprintln!("kroniek serve: {detail}");
        RequestError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: "the store could not answer; see the server log".into(),
        }
    }
}

impl From<StoreError> for RequestError {
    fn from(error: StoreError) -> RequestError {
        match error {
            StoreError::BadQuery(message) => RequestError::bad(message),
            other => RequestError::internal(&other),
        }
    }
}

/// A [`RequestError`] answered as JSON: `{"error": message}`.
#[derive(Debug)]
pub struct ApiError(pub RequestError);

impl From<RequestError> for ApiError {
    fn from(error: RequestError) -> ApiError {
        ApiError(error)
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> ApiError {
        ApiError(error.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.0.message });
        (self.0.status, Json(body)).into_response()
    }
}
