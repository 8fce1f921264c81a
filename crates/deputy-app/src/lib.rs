//! Deputy's use-cases: loading configuration, opening the store, importing scanner reports
//! into the findings ledger, and the triage, acceptance and diff operations people run on it.
//!
//! This crate composes the engines (`deputy-import`, `deputy-core`'s ledger rules) with the
//! store. It knows nothing of HTTP or terminals: the CLI and, later, the server render what
//! it returns.

mod audit;
pub mod auth0;
pub mod config;
mod connect;
#[cfg(test)]
mod connect_tests;
mod demo;
mod fga;
mod fga_service;
pub mod iac;
mod import;
mod report;
pub mod vault;
#[cfg(test)]
mod vault_tests;

pub use config::{Config, ConfigError, ConfigOverrides};
pub use demo::DemoOutcome;
pub use deputy_audit::{AuditEvent, Breach, BreachKind, ChainHead, ChainedEvent, VerifiedChain};
pub use deputy_import::{ImportOptions, ReportFormat};
pub use deputy_report::Report;
pub use deputy_report::model::location;
pub use deputy_store::AuditVerification;
pub use deputy_store::{
    AcceptanceStatus, DiffEntry, FindingDetail, FindingFilter, FindingRecord, ProjectSummary,
    RiskAcceptance, RunDiff, ScanRun, SortOrder,
};
pub use deputy_store::{
    FgaChange, FgaModelRecord, FgaOperation, FgaReadFilter, FgaStoreRecord, FgaTuple,
};
pub use deputy_vault::{CredentialId, CredentialKind, CredentialMeta, Lease};
pub use fga::{FgaTestOutcome, fga_read_model, fga_test, fga_transform};
pub use fga_service::{BatchOutcome, FgaPage, LIST_DEADLINE, LIST_MAX_RESULTS};
pub use import::{ImportOutcome, ImportRequest, InputSource};
pub use report::ReportOutput;
pub use vault::KeyRotation;

use deputy_core::{Actor, Clock, FindingState};
use deputy_store::{RequestAcceptance, Store, StoreError};
use std::path::PathBuf;
use std::sync::Arc;
use time::OffsetDateTime;

/// Everything that can stop a use-case, worded for the person who ran it.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot create data directory `{path}`: {source}")]
    DataDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot read `{file}`: {source}")]
    Read {
        file: String,
        source: std::io::Error,
    },
    #[error("`{file}` is not a valid {format} report: {source}")]
    Input {
        file: String,
        format: ReportFormat,
        source: deputy_import::ImportError,
    },
    #[error("{0}")]
    Usage(String),
    /// A refusal with OpenFGA's error code, from the authorization engine or its store.
    #[error(transparent)]
    Fga(#[from] deputy_authz::FgaError),
    #[error("cannot render the report: {0}")]
    Render(String),
    #[error("cannot write the output")]
    Write(#[source] std::io::Error),
    #[error(transparent)]
    Vault(#[from] deputy_vault::VaultError),
    #[error(transparent)]
    OAuth(#[from] deputy_identity::OAuthError),
    #[error(transparent)]
    TokenVault(#[from] deputy_identity::TokenVaultError),
    #[error("{0}")]
    VaultKey(String),
}

impl AppError {
    /// The OpenFGA refusal inside this error, if it is one.
    pub fn fga(&self) -> Option<&deputy_authz::FgaError> {
        match self {
            AppError::Fga(e) | AppError::Store(StoreError::Fga(e)) => Some(e),
            _ => None,
        }
    }
}

/// An opened Deputy: configuration, store and clock.
#[derive(Debug, Clone)]
pub struct App {
    config: Config,
    store: Store,
    clock: Arc<dyn Clock>,
    fga: fga_service::FgaRuntime,
    refresh_gate: Arc<deputy_identity::RefreshGate>,
}

impl App {
    /// Opens the configured database (creating the data directory for SQLite) and migrates it.
    pub async fn open(config: Config, clock: Arc<dyn Clock>) -> Result<Self, AppError> {
        if config.database_url.starts_with("sqlite:") {
            std::fs::create_dir_all(&config.data_dir).map_err(|source| AppError::DataDir {
                path: config.data_dir.clone(),
                source,
            })?;
        }
        let store = Store::connect(&config.database_url).await?;
        Ok(Self {
            config,
            store,
            clock,
            fga: fga_service::FgaRuntime::new(),
            refresh_gate: Arc::default(),
        })
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The database URL with any password hidden, for showing to people.
    pub fn database_display(&self) -> String {
        deputy_store::redact_url(&self.config.database_url)
    }

    /// The person running this process, as recorded in history.
    pub fn actor(&self) -> Actor {
        Actor::human(self.config.actor.clone())
    }

    pub fn now(&self) -> OffsetDateTime {
        self.clock.now()
    }

    /// Closes the database pool.
    pub async fn close(&self) {
        self.store.close().await;
    }

    /// Every project with its headline numbers.
    pub async fn projects(&self) -> Result<Vec<ProjectSummary>, AppError> {
        let now = self.now();
        self.store.expire_acceptances(now).await?;
        Ok(self.store.project_summaries(now).await?)
    }

    /// A project's scans, newest first.
    pub async fn scans(&self, project: &str, limit: Option<u32>) -> Result<Vec<ScanRun>, AppError> {
        Ok(self.store.scan_runs(project, limit).await?)
    }

    /// One scan and the findings it changed (all of them with `all`).
    pub async fn scan(&self, id: i64, all: bool) -> Result<(ScanRun, Vec<DiffEntry>), AppError> {
        let run = self.store.scan_run(id).await?;
        let delta = self.store.run_delta(id, all).await?;
        Ok((run, delta))
    }

    /// What changed between two scans; by default the project's latest against the one before.
    pub async fn diff(
        &self,
        project: Option<&str>,
        base: Option<i64>,
        head: Option<i64>,
        include_unchanged: bool,
    ) -> Result<RunDiff, AppError> {
        let (base, head) = match (base, head, project) {
            (Some(b), Some(h), _) => (b, h),
            (Some(b), None, Some(p)) => (b, self.store.latest_two_runs(p).await?.1),
            (None, None, Some(p)) => self.store.latest_two_runs(p).await?,
            (Some(_), None, None) => {
                return Err(AppError::Usage(
                    "give a second scan id, or `--project` to diff against its latest scan".into(),
                ));
            }
            (None, _, None) => {
                return Err(AppError::Usage("give `--project`, or two scan ids".into()));
            }
            (None, Some(_), Some(_)) => {
                return Err(AppError::Usage(
                    "give the base scan id before the head".into(),
                ));
            }
        };
        let diff = self.store.diff_runs(base, head, include_unchanged).await?;
        if let Some(p) = project
            && diff.head.project != p
        {
            return Err(AppError::Usage(format!(
                "scans {base} and {head} belong to project `{}`, not `{p}`",
                diff.head.project
            )));
        }
        Ok(diff)
    }

    pub async fn findings(&self, filter: &FindingFilter) -> Result<Vec<FindingRecord>, AppError> {
        if let Some(p) = &filter.project {
            self.store.project(p).await?;
        }
        Ok(self.store.findings(filter, self.now()).await?)
    }

    pub async fn finding(&self, id: i64) -> Result<FindingDetail, AppError> {
        Ok(self.store.finding_detail(id, self.now()).await?)
    }

    /// Moves a finding to `to` (triage, start, resolve, reopen, false positive, out of scope).
    pub async fn transition(
        &self,
        id: i64,
        to: FindingState,
        reason: &str,
    ) -> Result<FindingRecord, AppError> {
        if reason.trim().is_empty() {
            return Err(AppError::Usage("a reason is required (`--reason`)".into()));
        }
        Ok(self
            .store
            .transition(id, to, &self.actor(), reason, self.now())
            .await?)
    }

    /// Asks for a finding's risk to be accepted until `until`; someone else must approve.
    pub async fn request_acceptance(
        &self,
        id: i64,
        until: OffsetDateTime,
        reason: &str,
        owner: Option<&str>,
    ) -> Result<RiskAcceptance, AppError> {
        let actor = self.actor();
        let owner = owner.unwrap_or(&self.config.actor);
        let req = RequestAcceptance {
            finding_id: id,
            owner,
            reason,
            expires_at: until,
            requested_by: &actor,
        };
        Ok(self
            .store
            .request_acceptance(&req, self.now(), self.config.max_acceptance_days)
            .await?)
    }

    /// Approves or rejects a finding's pending acceptance request.
    pub async fn decide_acceptance(
        &self,
        id: i64,
        approve: bool,
        note: Option<&str>,
    ) -> Result<RiskAcceptance, AppError> {
        Ok(self
            .store
            .decide_acceptance(id, &self.actor(), approve, note, self.now())
            .await?)
    }
}
