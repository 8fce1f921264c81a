//! The audit trail's use-cases: verify, export, tail, and recording events.

use crate::{App, AppError};
use deputy_audit::{AuditEvent, ChainHead, ChainedEvent};
use deputy_store::{AuditVerification, StoreError};

impl App {
    /// Appends `events` to the audit chain in one transaction.
    pub async fn record_audit(
        &self,
        events: Vec<AuditEvent>,
    ) -> Result<Vec<ChainedEvent>, AppError> {
        Ok(self.store.append_audit(events).await?)
    }

    /// Verifies the whole stored chain; `Ok(Err(breach))` names the first bad event.
    pub async fn audit_verify(&self) -> Result<AuditVerification, AppError> {
        Ok(self.store.verify_audit().await?)
    }

    /// The head recorded at the last append.
    pub async fn audit_head(&self) -> Result<ChainHead, AppError> {
        Ok(self.store.audit_head().await?)
    }

    /// Calls `each` with every event after `after_seq`, in order, streaming.
    pub async fn audit_events(
        &self,
        after_seq: u64,
        mut each: impl FnMut(ChainedEvent) -> Result<(), std::io::Error>,
    ) -> Result<(), AppError> {
        let mut failed = None;
        let r = self
            .store
            .audit_events(after_seq, None, |e| {
                each(e).map_err(|err| {
                    let msg = err.to_string();
                    failed = Some(err);
                    StoreError::Conflict(msg)
                })
            })
            .await;
        match (failed, r) {
            (Some(io), _) => Err(AppError::Write(io)),
            (None, r) => Ok(r?),
        }
    }

    /// The last `n` events, oldest first.
    pub async fn audit_tail(&self, n: u64) -> Result<Vec<ChainedEvent>, AppError> {
        Ok(self.store.audit_tail(n).await?)
    }
}
