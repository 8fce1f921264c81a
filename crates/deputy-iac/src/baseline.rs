//! Baselines: the failures a team has already seen, so a scan reports only new ones.
//!
//! The file is Checkov's `.checkov.baseline` shape, so a baseline made by either tool
//! works with the other:
//!
//! ```json
//! {"failed_checks": [{"file": "/main.tf",
//!                     "findings": [{"resource": "aws_s3_bucket.b", "check_ids": ["CKV_AWS_20"]}]}]}
//! ```
//!
//! A failure is in the baseline when the file, the resource address and one of the check's
//! names (a Checkov id it claims, or its Deputy code) match; line numbers play no part, so
//! a baseline survives edits. Deputy writes both the Checkov ids and the Deputy code of each
//! failed check.

use crate::check::Meta;
use crate::scan::{CheckResult, Outcome};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// The name Checkov gives the file `--create-baseline` writes into the scanned folder.
pub const FILE_NAME: &str = ".checkov.baseline";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    pub failed_checks: Vec<BaselineFile>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BaselineFile {
    /// The path relative to the scanned root, with a leading `/` as Checkov writes it.
    pub file: String,
    pub findings: Vec<BaselineFinding>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BaselineFinding {
    pub resource: String,
    pub check_ids: Vec<String>,
}

/// A baseline file that cannot be read as one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{file}` line {line} column {column}: not a baseline: {message}")]
pub struct BaselineError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// A parsed baseline with a lookup set over (file, resource, check name).
#[derive(Debug, Clone, Default)]
pub struct BaselineIndex {
    keys: HashSet<(String, String, String)>,
}

impl Baseline {
    /// Parses a baseline; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Baseline, BaselineError> {
        serde_json::from_str(text).map_err(|e| BaselineError {
            file: file.to_owned(),
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })
    }

    /// The baseline of a scan's failures (Checkov's `--create-baseline`): files, resources
    /// and ids sorted, so the file diffs well in review.
    pub fn from_results(results: &[CheckResult]) -> Baseline {
        let mut files: BTreeMap<String, BTreeMap<&str, BTreeSet<&str>>> = BTreeMap::new();
        for r in results {
            if !matches!(r.outcome, Outcome::Failed(_)) {
                continue;
            }
            let ids = files
                .entry(format!("/{}", r.file))
                .or_default()
                .entry(r.address.as_str())
                .or_default();
            ids.extend(r.meta.checkov.iter().copied());
            ids.insert(r.meta.code);
        }
        Baseline {
            failed_checks: files
                .into_iter()
                .map(|(file, resources)| BaselineFile {
                    file,
                    findings: resources
                        .into_iter()
                        .map(|(resource, ids)| BaselineFinding {
                            resource: resource.to_owned(),
                            check_ids: ids.into_iter().map(str::to_owned).collect(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// The file's text: pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    pub fn index(&self) -> BaselineIndex {
        let mut keys = HashSet::new();
        for f in &self.failed_checks {
            let file = normalize(&f.file);
            for finding in &f.findings {
                for id in &finding.check_ids {
                    keys.insert((
                        file.to_owned(),
                        finding.resource.clone(),
                        id.to_ascii_uppercase(),
                    ));
                }
            }
        }
        BaselineIndex { keys }
    }
}

impl BaselineIndex {
    /// Whether a failure of `meta`'s check on `resource` in `file` is in the baseline.
    pub fn contains(&self, file: &str, resource: &str, meta: &Meta) -> bool {
        let file = normalize(file);
        std::iter::once(meta.code)
            .chain(meta.checkov.iter().copied())
            .any(|id| {
                self.keys.contains(&(
                    file.to_owned(),
                    resource.to_owned(),
                    id.to_ascii_uppercase(),
                ))
            })
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

/// Baseline paths carry a leading `/` (Checkov) or `./`; results carry neither.
fn normalize(file: &str) -> &str {
    file.trim_start_matches("./").trim_start_matches('/')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{self, fail};

    fn result(i: usize, address: &str, file: &str, failed: bool) -> CheckResult {
        let outcome = if failed { fail("m") } else { Outcome::Passed };
        testing::result(i, address, file, outcome)
    }

    #[test]
    fn writes_checkov_shape_sorted_and_reads_it_back() {
        let results = [
            result(1, "aws_s3_bucket.b", "b/main.tf", true),
            result(0, "aws_s3_bucket.b", "b/main.tf", true),
            result(0, "aws_s3_bucket.a", "a.tf", true),
            result(0, "aws_s3_bucket.c", "a.tf", false),
        ];
        let baseline = Baseline::from_results(&results);
        let json: serde_json::Value = serde_json::from_str(&baseline.to_json()).unwrap_or_default();
        assert_eq!(
            json,
            serde_json::json!({"failed_checks": [
                {"file": "/a.tf", "findings": [
                    {"resource": "aws_s3_bucket.a", "check_ids": ["CKV_AWS_20", "DPY-TEST-001"]}]},
                {"file": "/b/main.tf", "findings": [
                    {"resource": "aws_s3_bucket.b",
                     "check_ids": ["CKV_AWS_20", "CKV_AWS_21", "DPY-TEST-001", "DPY-TEST-002"]}]},
            ]})
        );
        let back = Baseline::parse(&baseline.to_json(), "x").map(|b| b.index());
        let ix = back.unwrap_or_default();
        let meta = testing::meta;
        assert!(ix.contains("a.tf", "aws_s3_bucket.a", meta(0)));
        assert!(!ix.contains("a.tf", "aws_s3_bucket.a", meta(1)));
        assert!(!ix.contains("a.tf", "aws_s3_bucket.c", meta(0)));
        assert!(ix.contains("b/main.tf", "aws_s3_bucket.b", meta(1)));
    }

    #[test]
    fn matches_checkov_ids_or_deputy_codes_in_any_case() {
        let text = r#"{"failed_checks":[{"file":"/k.yaml","findings":[
            {"resource":"Deployment.default.web","check_ids":["ckv_k8s_20"]},
            {"resource":"Deployment.default.api","check_ids":["DPY-TEST-003"]}]}]}"#;
        let ix = Baseline::parse(text, "b")
            .map(|b| b.index())
            .unwrap_or_default();
        let meta = testing::meta(2);
        assert!(ix.contains("k.yaml", "Deployment.default.web", meta));
        assert!(ix.contains("./k.yaml", "Deployment.default.api", meta));
        assert!(!ix.contains("k.yaml", "Deployment.default.db", meta));
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let err = Baseline::parse("{\n  \"failed_checks\": [1]\n}", ".checkov.baseline");
        let msg = err.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            msg.starts_with("`.checkov.baseline` line 2 column"),
            "{msg}"
        );
    }
}
