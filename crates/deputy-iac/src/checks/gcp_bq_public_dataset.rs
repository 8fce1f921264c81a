//! DPY-GCP-BQ-001: BigQuery dataset is publicly accessible.
//!
//! # What it checks
//! No `access` block of a `google_bigquery_dataset` grants `special_group = "allUsers"` or `"allAuthenticatedUsers"`, and every `access` block names who it grants (`user_by_email`, `group_by_email`, `domain`, `view`, `routine`, `dataset` or `special_group`).
//!
//! # Why it matters
//! `allUsers` makes the dataset readable by anyone on the internet and `allAuthenticatedUsers` by anyone with a Google account.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "google_bigquery_dataset" "data" {
//!   dataset_id = "data"
//!   access {
//!     role          = "READER"
//!     special_group = "allAuthenticatedUsers"
//!   }
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "google_bigquery_dataset" "data" {
//!   dataset_id = "data"
//!   access {
//!     role          = "READER"
//!     group_by_email = "analysts@example.com"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Grant access to named users, groups, domains or views instead of `allUsers`/`allAuthenticatedUsers`.
//!
//! # References
//! - <https://cloud.google.com/bigquery/docs/control-access-to-resources-iam>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(BqPublicDataset {
    code: "DPY-GCP-BQ-001",
    checkov: ["CKV_GCP_15"],
    title: "BigQuery dataset is publicly accessible",
    severity: Critical,
    reason: "trivy-checks AVD-GCP-0046 (google-bigquery-no-public-access) is Critical; followed",
    targets: [(Terraform, "google_bigquery_dataset")],
    description: "No `access` block of a `google_bigquery_dataset` grants `special_group = \"allUsers\"` or `\"allAuthenticatedUsers\"`, and every `access` block names who it grants (`user_by_email`, `group_by_email`, `domain`, `view`, `routine`, `dataset` or `special_group`).",
    remediation: "Grant access to named users, groups, domains or views instead of `allUsers`/`allAuthenticatedUsers`.",
    references: ["https://cloud.google.com/bigquery/docs/control-access-to-resources-iam"],
    differences: [],
});

/// The keys that name who an `access` block grants.
const GRANTEES: [&str; 6] = [
    "user_by_email",
    "group_by_email",
    "domain",
    "view",
    "routine",
    "dataset",
];

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let Some(access) = r.config.get("access") else {
        return Verdict::Pass;
    };
    let mut ok = Truth::True;
    for block in access.items() {
        match block.get("special_group") {
            Some(Value::String(g)) if g == "allUsers" || g == "allAuthenticatedUsers" => {
                return Verdict::fail(format!("access is granted to {g}"));
            }
            Some(Value::Unknown(_)) => ok = Truth::Unknown,
            Some(_) => {}
            None => match block {
                Value::Map(m) if !GRANTEES.iter().any(|k| m.contains_key(*k)) => {
                    return Verdict::fail("an access block names no grantee");
                }
                Value::Map(_) => {}
                _ => ok = Truth::Unknown,
            },
        }
    }
    verdict(ok, "the dataset is publicly accessible")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(kind: &str, config: &str) -> &'static str {
        match evaluate(&resource(kind, config), &Cx::new(&[])) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn verdicts() {
        let k = "google_bigquery_dataset";
        assert_eq!(judge(k, "{}"), "pass");
        assert_eq!(
            judge(
                k,
                r#"{"access":[{"role":"READER","special_group":"allUsers"}]}"#
            ),
            "fail"
        );
        assert_eq!(judge(k, r#"{"access":[{"role":"READER"}]}"#), "fail");
        assert_eq!(
            judge(
                k,
                r#"{"access":[{"role":"READER","domain":"example.com"}]}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(k, r#"{"access":[{"special_group":{"$unknown":[]}}]}"#),
            "unknown"
        );
    }
}
