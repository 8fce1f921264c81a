//! `deputy import`: one report file becomes one scan run, in one transaction.

use crate::{App, AppError};
use deputy_core::{RunStatus, Severity};
use deputy_import::{ImportOptions, ReportFormat};
use deputy_store::{NewRun, ScanRun};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::PathBuf;

/// Where a report comes from.
#[derive(Debug, Clone)]
pub enum InputSource {
    File(PathBuf),
    Stdin,
    /// Bytes already in memory, with a name for messages (bundled examples, tests).
    Bytes {
        name: String,
        bytes: Vec<u8>,
    },
}

impl InputSource {
    fn name(&self) -> String {
        match self {
            InputSource::File(p) => p.display().to_string(),
            InputSource::Stdin => "<stdin>".to_owned(),
            InputSource::Bytes { name, .. } => name.clone(),
        }
    }

    /// Reads the whole input, gunzipping it when it is gzip-compressed.
    fn read(&self) -> Result<Vec<u8>, std::io::Error> {
        let raw = match self {
            InputSource::File(p) => std::fs::read(p)?,
            InputSource::Stdin => {
                let mut buf = Vec::new();
                std::io::stdin().read_to_end(&mut buf)?;
                buf
            }
            InputSource::Bytes { bytes, .. } => bytes.clone(),
        };
        if raw.starts_with(&[0x1f, 0x8b]) {
            let mut out = Vec::with_capacity(raw.len() * 8);
            flate2::read::MultiGzDecoder::new(raw.as_slice()).read_to_end(&mut out)?;
            Ok(out)
        } else {
            Ok(raw)
        }
    }
}

/// What to import and how to record it.
#[derive(Debug, Clone)]
pub struct ImportRequest {
    pub project: String,
    pub format: ReportFormat,
    pub input: InputSource,
    /// The scope the scan covered; defaults to the configured default scope.
    pub scope: Option<String>,
    pub commit: Option<String>,
    pub branch: Option<String>,
    /// Record the run as partial even if the report looks complete (nothing will be closed).
    pub partial: bool,
    pub default_severity: Option<Severity>,
    pub root: Option<String>,
}

/// The recorded run and what the report said along the way.
#[derive(Debug, Clone, Serialize)]
pub struct ImportOutcome {
    pub run: ScanRun,
    /// Findings the report carried (before duplicates were dropped).
    pub reported: usize,
    /// Risk acceptances that had expired and were reopened first.
    pub expired_acceptances: u64,
}

impl App {
    /// Imports one report as one scan run. Nothing is written unless all of it is.
    pub async fn import(&self, req: ImportRequest) -> Result<ImportOutcome, AppError> {
        if req.project.trim().is_empty() {
            return Err(AppError::Usage("the project name must not be empty".into()));
        }
        let file = req.input.name();
        let bytes = req.input.read().map_err(|source| AppError::Read {
            file: file.clone(),
            source,
        })?;
        let options = ImportOptions {
            default_severity: req.default_severity.unwrap_or(Severity::Medium),
            root: req.root.clone(),
        };
        let scan = deputy_import::parse(req.format, &bytes, &options).map_err(|source| {
            AppError::Input {
                file: file.clone(),
                format: req.format,
                source,
            }
        })?;
        let now = self.now();
        let status = if req.partial && scan.status == RunStatus::Complete {
            RunStatus::Partial
        } else {
            scan.status
        };
        let mut notes = scan.notes.clone();
        if req.partial {
            notes.push("recorded as partial on request (--partial)".to_owned());
        }
        let sha = hex::encode(Sha256::digest(&bytes));
        let scope = req
            .scope
            .clone()
            .unwrap_or_else(|| self.config.default_scope.clone());
        let input_name = match &req.input {
            InputSource::File(p) => p.file_name().map(|n| n.to_string_lossy().into_owned()),
            _ => Some(file.clone()),
        };
        let actor = self.actor();
        let run = NewRun {
            project: &req.project,
            format: req.format.as_str(),
            tools: &scan.tools,
            tool_version: scan.tool_version.as_deref(),
            scope: &scope,
            status,
            commit: req.commit.as_deref().or(scan.commit.as_deref()),
            branch: req.branch.as_deref().or(scan.branch.as_deref()),
            started_at: scan.started_at.unwrap_or(now),
            finished_at: scan.finished_at.or(scan.started_at).unwrap_or(now),
            imported_by: &actor,
            input_name: input_name.as_deref(),
            input_sha256: Some(&sha),
            notes: &notes,
            findings: &scan.findings,
        };
        let recorded = self.store.record_run(&run, now, &self.config.sla).await?;
        tracing::info!(
            project = %req.project,
            run = recorded.run.id,
            findings = scan.findings.len(),
            "imported report"
        );
        Ok(ImportOutcome {
            run: recorded.run,
            reported: scan.findings.len(),
            expired_acceptances: recorded.expired_acceptances,
        })
    }
}
