//! One refresher per account at a time: rotating providers (Atlassian, Zoom, Slack, GitHub,
//! Microsoft) invalidate a refresh token when it is used, so two concurrent refreshes with
//! the same token break the connection.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use tokio::sync::OwnedMutexGuard;

/// Per-account locks, created on first use. Hold the guard across "read the stored
/// credential, refresh if it is still due, store the new tokens".
#[derive(Debug, Default)]
pub struct RefreshGate {
    locks: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

impl RefreshGate {
    pub fn new() -> Self {
        Self::default()
    }

    /// Waits until no one else refreshes `account`, then holds it.
    pub async fn lock(&self, account: &str) -> OwnedMutexGuard<()> {
        let lock = {
            let mut locks = self.locks.lock().unwrap_or_else(PoisonError::into_inner);
            locks.entry(account.to_owned()).or_default().clone()
        };
        lock.lock_owned().await
    }
}
