//! The store's errors.

/// What can go wrong talking to the database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("unsupported database URL `{0}` (expected `sqlite://PATH` or `postgres://…`)")]
    UnsupportedUrl(String),
    #[error("cannot connect to `{url}`")]
    Connect {
        url: String,
        #[source]
        source: sqlx::Error,
    },
    #[error("migration {version} ({name}) failed")]
    Migration {
        version: i64,
        name: &'static str,
        #[source]
        source: sqlx::Error,
    },
    #[error(
        "the database schema is at version {found}, newer than this build of deputy knows ({known}); upgrade deputy"
    )]
    SchemaTooNew { found: i64, known: i64 },
    #[error("no {kind} `{id}`")]
    NotFound { kind: &'static str, id: String },
    #[error("{0}")]
    Conflict(String),
    #[error("stored value `{value}` in column `{column}` is invalid")]
    Corrupt { column: &'static str, value: String },
    /// An OpenFGA request the store refused, with OpenFGA's error code.
    #[error(transparent)]
    Fga(#[from] deputy_authz::FgaError),
    #[error(transparent)]
    Sql(#[from] sqlx::Error),
    /// Work handed to another thread did not finish (it panicked or was cancelled).
    #[error("{0} did not finish")]
    Interrupted(String),
}

impl StoreError {
    pub fn not_found(kind: &'static str, id: impl ToString) -> Self {
        StoreError::NotFound {
            kind,
            id: id.to_string(),
        }
    }
}
