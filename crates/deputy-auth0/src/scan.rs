//! Running the catalog over a snapshot: details, diagnostics, and finding drafts whose
//! fingerprint is tenant + check + object id + setting path.

use crate::check::{Cx, Detail, Diagnostic, DiagnosticKind, Meta, Status};
use crate::model::{ObjRef, Section};
use crate::registry;
use crate::snapshot::{Origin, SectionId, Snapshot};
use deputy_core::fingerprint::FingerprintInput;
use deputy_core::{FindingDraft, Fingerprint, Location, RunStatus, Severity};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A known-vulnerable npm version range (GitHub advisory form), for `checkDependencies`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Advisory {
    /// The npm package name.
    pub package: String,
    /// GitHub's `vulnerable_version_range`, e.g. `< 4.17.21` or `>= 1.0.0, < 1.2.3`.
    pub vulnerable_range: String,
    /// `low`, `moderate`, `high` or `critical`.
    pub severity: String,
    /// The advisory id (GHSA or CVE).
    pub id: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
}

/// What to run.
#[derive(Debug, Clone, Default)]
pub struct ScanOptions {
    /// Only these checks (Deputy codes or CheckMate peer ids); all when `None`.
    pub only: Option<Vec<String>>,
    /// Advisories for Action dependencies; without them `checkDependencies` reports a
    /// diagnostic instead of silently passing.
    pub advisories: Option<Vec<Advisory>>,
    /// The tenant name used in fingerprints; defaults to the snapshot's domain.
    pub tenant: Option<String>,
    /// "Now" for age checks (signing-key rotation); a parameter, never read from the clock here.
    pub now: Option<time::OffsetDateTime>,
}

/// A detail that is a finding: the check's metadata, the object and setting, and the
/// fingerprint (tenant + check + object + setting path) the ledger keys it by.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub peer_id: Option<&'static str>,
    pub severity: Severity,
    pub title: &'static str,
    pub status: Status,
    pub field: Cow<'static, str>,
    pub object: ObjRef,
    pub setting_path: Cow<'static, str>,
    pub value: Option<String>,
    pub message: String,
    pub remediation: &'static str,
    pub help_uri: Option<&'static str>,
    pub fingerprint: Fingerprint,
}

impl Finding {
    /// The finding as the ledger records it; its fingerprint equals [`Finding::fingerprint`].
    pub fn draft(&self, tenant: &str) -> FindingDraft {
        let location = Location {
            resource: Some(self.object.address()),
            setting_path: Some(self.setting_path.to_string()),
            ..Location::default()
        };
        let mut draft = FindingDraft::new(
            crate::SOURCE,
            self.code,
            self.severity,
            self.title.to_owned(),
            self.message.clone(),
            location,
            &[("tenant".to_owned(), tenant.to_owned())],
        );
        draft.remediation = Some(self.remediation.to_owned());
        draft.help_uri = self.help_uri.map(str::to_owned);
        draft
    }
}

/// Everything one scan produced.
#[derive(Debug, Clone, Serialize)]
pub struct ScanOutcome {
    pub tenant: String,
    pub origin: String,
    /// `partial` when any section a check needed was not read, failed, or was malformed.
    pub status: RunStatus,
    pub checks_run: usize,
    pub details: Vec<Detail>,
    pub diagnostics: Vec<Diagnostic>,
    pub findings: Vec<Finding>,
}

/// Runs the selected checks over `snap`. Never fails: what cannot be judged is a diagnostic.
pub fn scan(snap: &Snapshot, options: &ScanOptions) -> ScanOutcome {
    let tenant = options.tenant.clone().unwrap_or_else(|| snap.tenant_name());
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let advisories = match (&options.advisories, snap.section(SectionId::Advisories)) {
        (Some(a), _) => Some(a.clone()),
        (None, Section::Read(v)) => match serde_json::from_value::<Vec<Advisory>>(v.clone()) {
            Ok(a) => Some(a),
            Err(e) => {
                diagnostics.push(Diagnostic {
                    kind: DiagnosticKind::Malformed,
                    code: None,
                    section: Some(SectionId::Advisories.as_str()),
                    object: None,
                    message: format!(
                        "the snapshot's `advisories` are malformed and were not used: {e}"
                    ),
                });
                None
            }
        },
        (None, _) => None,
    };
    let mut details = Vec::new();
    let refs = crate::check::RefCache::build(snap);
    let discriminators = [("tenant".to_owned(), tenant.clone())];
    let mut checks_run = 0;
    let mut findings = Vec::new();
    for check in registry::all() {
        let meta = check.meta();
        if let Some(only) = &options.only
            && !only
                .iter()
                .any(|o| o == meta.code || Some(o.as_str()) == meta.peer_id)
        {
            continue;
        }
        checks_run += 1;
        let mut cx = Cx::new(snap, meta, &tenant);
        cx.advisories = advisories.as_deref();
        cx.now = options.now;
        cx.refs = Some(&refs);
        check.run(&mut cx);
        findings.extend(
            cx.details
                .iter()
                .filter(|d| d.status.is_finding())
                .map(|d| finding(meta, d, &discriminators)),
        );
        details.append(&mut cx.details);
        for d in cx.diagnostics {
            // One diagnostic per unreadable section is enough; the affected checks are many.
            let dup = d.kind != DiagnosticKind::Malformed
                && diagnostics
                    .iter()
                    .any(|e| e.kind == d.kind && e.section.is_some() && e.section == d.section);
            if !dup {
                diagnostics.push(d);
            }
        }
    }
    let status = if diagnostics.is_empty() {
        RunStatus::Complete
    } else {
        RunStatus::Partial
    };
    ScanOutcome {
        tenant,
        origin: match snap.origin {
            Origin::Deputy => "deputy".into(),
            Origin::CheckMate => "checkmate".into(),
        },
        status,
        checks_run,
        details,
        diagnostics,
        findings,
    }
}

fn finding(m: &'static Meta, d: &Detail, tenant: &[(String, String)]) -> Finding {
    let resource = d.object.address();
    let fingerprint = Fingerprint::compute(&FingerprintInput {
        source: crate::SOURCE,
        rule_id: m.code,
        resource: Some(&resource),
        path: None,
        setting_path: Some(&d.setting_path),
        discriminators: tenant,
    });
    Finding {
        code: m.code,
        peer_id: m.peer_id,
        severity: m.severity,
        title: m.title,
        status: d.status,
        field: d.field.clone(),
        object: d.object.clone(),
        setting_path: d.setting_path.clone(),
        value: d.value.clone(),
        message: d.message.clone(),
        remediation: m.remediation,
        help_uri: m.docs.first().copied(),
        fingerprint,
    }
}
