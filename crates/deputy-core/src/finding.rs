//! What a scanner or an importer reports: a [`FindingDraft`], before the ledger decides
//! whether it is new, unchanged or reopened.

use crate::fingerprint::{Fingerprint, FingerprintInput};
use crate::severity::Severity;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Where a finding is: a file span, a resource address, a setting path, or several.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// File path relative to the project root, with `/` separators and no leading `/`.
    pub path: Option<String>,
    pub start_line: Option<u32>,
    pub end_line: Option<u32>,
    /// Resource address, e.g. `aws_s3_bucket.logs`, `Deployment.default.web`, `client:abc`.
    pub resource: Option<String>,
    /// Path to the offending setting inside the resource, e.g. `versioning.enabled`.
    pub setting_path: Option<String>,
}

/// One result of one scan, as reported, with its fingerprint already computed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FindingDraft {
    /// The tool that found it, lowercased (`checkov`, `semgrep`, `deputy-iac`).
    pub source: String,
    pub rule_id: String,
    pub severity: Severity,
    pub title: String,
    /// The tool's message for this occurrence. Free text: never part of the fingerprint.
    pub message: String,
    pub location: Location,
    pub help_uri: Option<String>,
    pub remediation: Option<String>,
    pub fingerprint: Fingerprint,
}

impl FindingDraft {
    /// Builds a draft and computes its fingerprint from the stable parts only.
    ///
    /// `discriminators` are extra stable identity parts (for example a SARIF log's
    /// `partialFingerprints`, or the occurrence index of a rule within a file) that tell
    /// apart two results which share rule, resource and path.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        source: &str,
        rule_id: &str,
        severity: Severity,
        title: String,
        message: String,
        location: Location,
        discriminators: &[(String, String)],
    ) -> Self {
        let source = source.to_ascii_lowercase();
        let fingerprint = Fingerprint::compute(&FingerprintInput {
            source: &source,
            rule_id,
            resource: location.resource.as_deref(),
            path: location.path.as_deref(),
            setting_path: location.setting_path.as_deref(),
            discriminators,
        });
        Self {
            source,
            rule_id: rule_id.to_owned(),
            severity,
            title,
            message,
            location,
            help_uri: None,
            remediation: None,
            fingerprint,
        }
    }
}

/// How completely a scan run covered its scope. Only a `complete` run may close findings
/// by their absence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RunStatus {
    Complete,
    Partial,
    Failed,
}

impl RunStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RunStatus::Complete => "complete",
            RunStatus::Partial => "partial",
            RunStatus::Failed => "failed",
        }
    }
}

impl fmt::Display for RunStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RunStatus {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "complete" => Ok(RunStatus::Complete),
            "partial" => Ok(RunStatus::Partial),
            "failed" => Ok(RunStatus::Failed),
            other => Err(format!("unknown run status `{other}`")),
        }
    }
}
