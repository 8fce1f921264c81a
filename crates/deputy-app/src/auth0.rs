//! `deputy scan auth0` and `deputy auth0 snapshot`: read a tenant (from a snapshot file or
//! live), run the Auth0 checks, render the outcome, and optionally record it in the ledger.

use crate::{App, AppError};
use deputy_auth0::live::LiveRead;
use deputy_auth0::scan::Finding;
use deputy_auth0::{Advisory, Snapshot};
use deputy_core::{Clock, FindingDraft, Severity};
use deputy_report::escape;
use deputy_store::{NewRun, ScanRun};
use serde::Serialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;

pub use deputy_auth0::live::{ClientSecret, LiveOptions, READ_SCOPES};
pub use deputy_auth0::{ScanOptions, ScanOutcome};

/// Output formats of an Auth0 scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Auth0Output {
    Json,
    Sarif,
    Junit,
    Markdown,
}

/// A snapshot read from a file, with the facts the ledger records about the input.
#[derive(Debug)]
pub struct LoadedSnapshot {
    pub snapshot: Snapshot,
    pub input_name: String,
    pub sha256: String,
}

/// Reads a snapshot file in Deputy's format or CheckMate's tenant shape.
pub fn load_auth0_snapshot(path: &Path) -> Result<LoadedSnapshot, AppError> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| AppError::Read {
        file: file.clone(),
        source,
    })?;
    let snapshot = Snapshot::from_slice(&bytes)
        .map_err(|e| AppError::Usage(format!("`{file}` is not a tenant snapshot: {e}")))?;
    Ok(LoadedSnapshot {
        snapshot,
        input_name: path
            .file_name()
            .map_or(file.clone(), |n| n.to_string_lossy().into_owned()),
        sha256: hex::encode(Sha256::digest(&bytes)),
    })
}

/// Reads advisories for `checkDependencies` (a JSON array, see `docs/auth0-scan.md`).
pub fn load_advisories(path: &Path) -> Result<Vec<Advisory>, AppError> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| AppError::Read {
        file: file.clone(),
        source,
    })?;
    serde_json::from_slice(&bytes)
        .map_err(|e| AppError::Usage(format!("`{file}` is not an advisories file: {e}")))
}

/// Reads a tenant through the Management API.
pub async fn read_auth0_live(
    options: &LiveOptions,
    clock: Arc<dyn Clock>,
) -> Result<LiveRead, AppError> {
    deputy_auth0::live::read_tenant(options, clock, deputy_auth0::live::tokio_sleeper())
        .await
        .map_err(|e| AppError::Usage(e.to_string()))
}

/// Runs the checks (time from `clock`, for key-age checks).
pub fn scan_auth0(snapshot: &Snapshot, mut options: ScanOptions, clock: &dyn Clock) -> ScanOutcome {
    options.now.get_or_insert_with(|| clock.now());
    deputy_auth0::scan(snapshot, &options)
}

/// Whether any finding is at or above `threshold` (any finding when `None`).
pub fn auth0_fails(outcome: &ScanOutcome, threshold: Option<Severity>) -> usize {
    outcome
        .findings
        .iter()
        .filter(|f| threshold.is_none_or(|t| f.severity >= t))
        .count()
}

impl App {
    /// Records an Auth0 scan as one scan run of `project`, in one transaction. A run with
    /// diagnostics is `partial`, so absent findings are marked stale, not resolved.
    pub async fn record_auth0(
        &self,
        project: &str,
        outcome: &ScanOutcome,
        input_name: Option<&str>,
        input_sha256: Option<&str>,
    ) -> Result<ScanRun, AppError> {
        if project.trim().is_empty() {
            return Err(AppError::Usage("the project name must not be empty".into()));
        }
        let now = self.now();
        let tools: BTreeSet<String> = [deputy_auth0::SOURCE.to_owned()].into();
        let notes: Vec<String> = outcome
            .diagnostics
            .iter()
            .map(|d| d.message.clone())
            .collect();
        let findings: Vec<FindingDraft> = outcome
            .findings
            .iter()
            .map(|f| f.draft(&outcome.tenant))
            .collect();
        let scope = format!("auth0:{}", outcome.tenant);
        let actor = self.actor();
        let run = NewRun {
            project,
            format: "deputy-auth0",
            tools: &tools,
            tool_version: Some(env!("CARGO_PKG_VERSION")),
            scope: &scope,
            status: outcome.status,
            commit: None,
            branch: None,
            started_at: now,
            finished_at: now,
            imported_by: &actor,
            input_name,
            input_sha256,
            notes: &notes,
            findings: &findings,
        };
        let recorded = self.store.record_run(&run, now, &self.config.sla).await?;
        Ok(recorded.run)
    }
}

/// One finding as `--format json` prints it.
#[derive(Debug, Serialize)]
struct JsonFinding<'a> {
    code: &'a str,
    peer_id: Option<&'a str>,
    severity: Severity,
    status: deputy_auth0::Status,
    title: &'a str,
    object: &'a deputy_auth0::model::ObjRef,
    resource: String,
    setting_path: &'a str,
    field: &'a str,
    value: Option<&'a str>,
    message: &'a str,
    remediation: Option<&'a str>,
    help_uri: Option<&'a str>,
    fingerprint: &'a str,
}

fn json_finding(f: &Finding) -> JsonFinding<'_> {
    JsonFinding {
        code: f.code,
        peer_id: f.peer_id,
        severity: f.severity,
        status: f.status,
        title: f.title,
        object: &f.object,
        resource: f.object.address(),
        setting_path: &f.setting_path,
        field: &f.field,
        value: f.value.as_deref(),
        message: &f.message,
        remediation: Some(f.remediation),
        help_uri: f.help_uri,
        fingerprint: f.fingerprint.as_str(),
    }
}

/// Findings per severity, every severity present.
pub fn auth0_counts(outcome: &ScanOutcome) -> BTreeMap<Severity, usize> {
    let mut m: BTreeMap<Severity, usize> = Severity::ALL.iter().map(|s| (*s, 0)).collect();
    for f in &outcome.findings {
        *m.entry(f.severity).or_default() += 1;
    }
    m
}

/// The JSON document of a scan (`docs/json.md`, "Auth0 scan").
pub fn auth0_json(outcome: &ScanOutcome, run: Option<&ScanRun>) -> Value {
    json!({
        "tenant": outcome.tenant,
        "origin": outcome.origin,
        "status": outcome.status,
        "checks_run": outcome.checks_run,
        "counts": auth0_counts(outcome),
        "findings": outcome.findings.iter().map(json_finding).collect::<Vec<_>>(),
        "diagnostics": outcome.diagnostics,
        "run": run,
    })
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "note",
        Severity::Info => "none",
    }
}

/// Renders a scan in `format`.
pub fn render_auth0(outcome: &ScanOutcome, run: Option<&ScanRun>, format: Auth0Output) -> String {
    match format {
        Auth0Output::Json => {
            serde_json::to_string_pretty(&auth0_json(outcome, run)).unwrap_or_default()
        }
        Auth0Output::Sarif => sarif(outcome),
        Auth0Output::Junit => junit(outcome),
        Auth0Output::Markdown => markdown(outcome),
    }
}

fn sarif(outcome: &ScanOutcome) -> String {
    let used: BTreeSet<&str> = outcome.findings.iter().map(|f| f.code).collect();
    let metas: Vec<&deputy_auth0::Meta> = deputy_auth0::registry::all()
        .iter()
        .map(|c| c.meta())
        .filter(|m| used.contains(m.code))
        .collect();
    let index: BTreeMap<&str, usize> = metas.iter().enumerate().map(|(i, m)| (m.code, i)).collect();
    let rules: Vec<Value> = metas
        .iter()
        .map(|m| {
            json!({
                "id": m.code,
                "name": m.title,
                "shortDescription": {"text": m.title},
                "fullDescription": {"text": m.description},
                "help": {"text": m.remediation},
                "helpUri": m.docs.first(),
                "defaultConfiguration": {"level": sarif_level(m.severity)},
                "properties": {"peerId": m.peer_id, "severity": m.severity, "tags": ["security", "auth0"]},
            })
        })
        .collect();
    let results: Vec<Value> = outcome
        .findings
        .iter()
        .map(|f| {
            json!({
                "ruleId": f.code,
                "ruleIndex": index.get(f.code),
                "level": sarif_level(f.severity),
                "message": {"text": f.message},
                "locations": [{"logicalLocations": [{
                    "fullyQualifiedName": format!("{}/{}#{}", outcome.tenant, f.object.address(), f.setting_path),
                    "name": f.object.display(),
                    "kind": f.object.kind.as_str(),
                }]}],
                "partialFingerprints": {"deputyFingerprint/v1": f.fingerprint.as_str()},
                "properties": {"peerId": f.peer_id, "field": f.field, "settingPath": f.setting_path, "severity": f.severity},
            })
        })
        .collect();
    let notifications: Vec<Value> = outcome
        .diagnostics
        .iter()
        .map(|d| json!({"level": "warning", "message": {"text": d.message}, "descriptor": {"id": d.code.unwrap_or("auth0")}}))
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": deputy_auth0::SOURCE, "informationUri": "https://github.com/deputy-sec/deputy", "version": env!("CARGO_PKG_VERSION"), "rules": rules}},
            "results": results,
            "invocations": [{"executionSuccessful": true, "toolExecutionNotifications": notifications}],
            "properties": {"tenant": outcome.tenant, "status": outcome.status},
        }],
    });
    serde_json::to_string_pretty(&log).unwrap_or_default()
}

/// One test case per check that ran; a failure per finding, diagnostics as system-err.
fn junit(outcome: &ScanOutcome) -> String {
    let mut by_code: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in &outcome.findings {
        by_code.entry(f.code).or_default().push(f);
    }
    let metas: Vec<&deputy_auth0::Meta> = deputy_auth0::registry::all()
        .iter()
        .map(|c| c.meta())
        .collect();
    let failures = by_code.len();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"deputy-auth0\" tests=\"{}\" failures=\"{failures}\">\n<testsuite name=\"auth0:{}\" tests=\"{}\" failures=\"{failures}\">\n",
        metas.len(),
        escape::xml(&outcome.tenant),
        metas.len()
    ));
    for m in metas {
        out.push_str(&format!(
            "  <testcase classname=\"{}\" name=\"{} {}\">\n",
            escape::xml(m.area.title()),
            m.code,
            escape::xml(m.title)
        ));
        for f in by_code.get(m.code).into_iter().flatten() {
            out.push_str(&format!(
                "    <failure type=\"{}\" message=\"{}\">{} {}</failure>\n",
                f.severity,
                escape::xml(&f.message),
                escape::xml(&f.object.address()),
                escape::xml(&f.setting_path)
            ));
        }
        out.push_str("  </testcase>\n");
    }
    if !outcome.diagnostics.is_empty() {
        out.push_str("  <system-err>");
        for d in &outcome.diagnostics {
            out.push_str(&escape::xml(&d.message));
            out.push('\n');
        }
        out.push_str("</system-err>\n");
    }
    out.push_str("</testsuite>\n</testsuites>\n");
    out
}

fn markdown(outcome: &ScanOutcome) -> String {
    let counts = auth0_counts(outcome);
    let mut out = format!(
        "# Auth0 scan of `{}`\n\nStatus: **{}** · {} checks · {} findings ({})\n\n",
        escape::markdown(&outcome.tenant),
        outcome.status,
        outcome.checks_run,
        outcome.findings.len(),
        Severity::ALL
            .iter()
            .map(|s| format!("{} {s}", counts.get(s).copied().unwrap_or(0)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    if !outcome.findings.is_empty() {
        out.push_str("| severity | check | peer id | object | setting | message |\n|---|---|---|---|---|---|\n");
        let mut sorted: Vec<&Finding> = outcome.findings.iter().collect();
        sorted.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.code.cmp(b.code)));
        for f in sorted {
            out.push_str(&format!(
                "| {} | `{}` | {} | {} | {} | {} |\n",
                f.severity,
                f.code,
                f.peer_id.map_or("—".to_owned(), |p| format!("`{p}`")),
                escape::markdown(&f.object.display()),
                escape::markdown(&f.setting_path),
                escape::markdown(&f.message)
            ));
        }
    }
    if !outcome.diagnostics.is_empty() {
        out.push_str("\n## Diagnostics (not findings)\n\n");
        for d in &outcome.diagnostics {
            out.push_str(&format!("- {}\n", escape::markdown(&d.message)));
        }
    }
    out
}

/// Whether `code` names a check (Deputy code or CheckMate peer id).
pub fn check_exists(code: &str) -> bool {
    deputy_auth0::registry::by_code(code).is_some()
        || deputy_auth0::registry::by_peer_id(code).is_some()
}

/// The check catalog (`deputy checks list --source auth0`).
pub fn auth0_checks_json() -> Value {
    deputy_auth0::docs::json()
}

/// The catalog as Markdown (the text of `docs/auth0-checks.md`).
pub fn auth0_checks_markdown() -> String {
    deputy_auth0::docs::markdown()
}
