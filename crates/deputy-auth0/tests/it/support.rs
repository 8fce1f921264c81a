//! Paths to the shared corpus.

use std::path::PathBuf;

/// `../shared/corpus/auth0-checkmate` beside the repository.
pub fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/auth0-checkmate")
}
