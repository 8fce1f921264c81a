//! DPY-AWS-NEPTUNE-004: Neptune cluster does not use IAM database authentication.
//!
//! # What it checks
//! `aws_neptune_cluster` sets `iam_database_authentication_enabled = true`.
//!
//! # Why it matters
//! Without IAM authentication anyone who can reach the cluster endpoint can query the graph.
//! With it, every request must be signed by an IAM principal that a policy allows, so access
//! is granted, audited and revoked in IAM.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_neptune_cluster" "graph" {
//!   engine = "neptune"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_neptune_cluster" "graph" {
//!   engine                              = "neptune"
//!   iam_database_authentication_enabled = true
//! }
//! ```
//!
//! # Remediation
//! Set `iam_database_authentication_enabled = true` and grant `neptune-db:*` actions to the
//! principals that need them.
//!
//! # References
//! - <https://docs.aws.amazon.com/neptune/latest/userguide/iam-auth.html>

use super::aws::{must_be_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(NeptuneIamAuth {
    code: "DPY-AWS-NEPTUNE-004",
    checkov: ["CKV_AWS_359"],
    title: "Neptune cluster does not use IAM database authentication",
    severity: Medium,
    reason: "KICS \"Neptune Cluster With IAM Database Authentication Disabled\" is Medium; trivy-checks has no Neptune equivalent and rates RDS IAM authentication (AWS-0176) Medium",
    targets: [(Terraform, "aws_neptune_cluster")],
    description: "`aws_neptune_cluster` sets `iam_database_authentication_enabled = true`.",
    remediation: "Set `iam_database_authentication_enabled = true` and grant `neptune-db:*` actions to the principals that need them.",
    references: ["https://docs.aws.amazon.com/neptune/latest/userguide/iam-auth.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_true(r.config.get("iam_database_authentication_enabled")),
        "IAM database authentication is not enabled",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(config: &str) -> &'static str {
        let r = resource("aws_neptune_cluster", config);
        match evaluate(&r, &Cx::new(std::slice::from_ref(&r))) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn iam_authentication_must_be_on() {
        assert_eq!(
            judge(r#"{"iam_database_authentication_enabled":true}"#),
            "pass"
        );
        assert_eq!(
            judge(r#"{"iam_database_authentication_enabled":false}"#),
            "fail"
        );
        assert_eq!(judge("{}"), "fail");
        assert_eq!(
            judge(r#"{"iam_database_authentication_enabled":{"$unknown":[]}}"#),
            "unknown"
        );
    }
}
