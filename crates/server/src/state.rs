//! What the handlers share: a bounded pool of read-only store connections and, when ingest is
//! enabled, the writer, the pipeline and the token's digest.

use crate::error::{RequestError, ServerError};
use crate::ServerConfig;
use kroniek_pipeline::Pipeline;
use kroniek_store::{SqliteArchive, StoreError};
use sha2::{Digest, Sha256};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use subtle::ConstantTimeEq;
use tokio::sync::Semaphore;

/// The state behind every handler.
pub struct AppState {
    db: PathBuf,
    idle: Mutex<Vec<SqliteArchive>>,
    permits: Arc<Semaphore>,
    /// Present only when the server was started with an ingest token.
    pub ingest: Option<Ingest>,
}

/// What `POST /api/ingest` needs.
pub struct Ingest {
    token_digest: [u8; 32],
    /// The store opened for writing (one writer at a time).
    pub store: Mutex<SqliteArchive>,
    /// The analysis pipeline.
    pub pipeline: Pipeline,
}

impl Ingest {
    /// Whether `token` is the server's token. Both are hashed first, so the comparison takes
    /// the same time whatever the token's length or content.
    pub fn accepts(&self, token: &str) -> bool {
        let given: [u8; 32] = Sha256::digest(token.as_bytes()).into();
        bool::from(given.ct_eq(&self.token_digest))
    }
}

impl AppState {
    /// Opens the store: created and migrated when ingest is enabled; otherwise it must exist.
    pub fn open(config: &ServerConfig) -> Result<AppState, ServerError> {
        let db = config.db.clone();
        let ingest = match &config.ingest_token {
            Some(token) => Some(open_ingest(&db, token)?),
            None if !db.exists() => return Err(ServerError::NoStore(db)),
            None => None,
        };
        // One connection now, so a damaged or newer store is reported at start.
        let first =
            SqliteArchive::open_read_only(&db).map_err(|e| ServerError::Store(db.clone(), e))?;
        Ok(AppState {
            db,
            idle: Mutex::new(vec![first]),
            permits: Arc::new(Semaphore::new(config.readers.max(1))),
            ingest,
        })
    }

    /// Runs `read` with a store connection on a blocking thread (at most
    /// [`ServerConfig::readers`] at once).
    pub async fn read<T, F>(self: &Arc<Self>, read: F) -> Result<T, RequestError>
    where
        T: Send + 'static,
        F: FnOnce(&SqliteArchive) -> Result<T, StoreError> + Send + 'static,
    {
        // The permit moves into the blocking task: a request that timed out still holds it
        // until its store call ends, so no more than `readers` calls ever run at once.
        let permit = Arc::clone(&self.permits)
            .acquire_owned()
            .await
            .map_err(|e| RequestError::internal(&e))?;
        let state = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let store = state.checkout()?;
            let result = read(&store);
            state.checkin(store);
            result.map_err(RequestError::from)
        })
        .await
        .map_err(|e| RequestError::internal(&e))?
    }

    /// An idle connection, or a new one.
    fn checkout(&self) -> Result<SqliteArchive, RequestError> {
        let idle = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        match idle {
            Some(store) => Ok(store),
            None => SqliteArchive::open_read_only(&self.db).map_err(RequestError::from),
        }
    }

    /// Returns a connection to the pool.
    fn checkin(&self, store: SqliteArchive) {
        if let Ok(mut idle) = self.idle.lock() {
            idle.push(store);
        }
    }
}

/// Shortest accepted ingest token.
pub const MIN_TOKEN_CHARS: usize = 16;

/// Opens the store for writing (creating it) and builds the pipeline.
fn open_ingest(db: &std::path::Path, token: &str) -> Result<Ingest, ServerError> {
    if token.trim().chars().count() < MIN_TOKEN_CHARS {
        return Err(ServerError::WeakToken(MIN_TOKEN_CHARS));
    }
    let store = SqliteArchive::open(db).map_err(|e| ServerError::Store(db.to_path_buf(), e))?;
    let pipeline = Pipeline::new().map_err(|e| ServerError::Pipeline(e.to_string()))?;
    Ok(Ingest {
        token_digest: Sha256::digest(token.as_bytes()).into(),
        store: Mutex::new(store),
        pipeline,
    })
}
