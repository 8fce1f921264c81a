//! DPY-AWS-ES-009: OpenSearch domain has no fine-grained access control.
//!
//! # What it checks
//! `aws_elasticsearch_domain` and `aws_opensearch_domain` set
//! `advanced_security_options { enabled = true }` or
//! `advanced_security_options { internal_user_database_enabled = true }`.
//!
//! # Why it matters
//! Without fine-grained access control anyone the domain's access policy admits can read
//! and change every index; with it, roles limit access down to indexes, documents and
//! fields.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_opensearch_domain" "search" {
//!   domain_name = "search"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_opensearch_domain" "search" {
//!   domain_name = "search"
//!   advanced_security_options {
//!     enabled                        = true
//!     internal_user_database_enabled = false
//!     master_user_options {
//!       master_user_arn = aws_iam_role.search_admin.arn
//!     }
//!   }
//! }
//! ```
//!
//! # Remediation
//! Enable `advanced_security_options` with a master user or role.
//!
//! # References
//! - <https://docs.aws.amazon.com/opensearch-service/latest/developerguide/fgac.html>

use super::aws::s3::or;
use super::aws::{must_be_true, setting_at, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(SearchFineGrainedAccess {
    code: "DPY-AWS-ES-009",
    checkov: ["CKV2_AWS_52"],
    title: "OpenSearch domain has no fine-grained access control",
    severity: Medium,
    reason: "neither trivy-checks nor KICS has an equivalent; without it access is all-or-nothing under the domain's access policy, which is itself a control, so Medium",
    targets: [
        (Terraform, "aws_elasticsearch_domain"),
        (Terraform, "aws_opensearch_domain")
    ],
    description: "`aws_elasticsearch_domain` and `aws_opensearch_domain` set `advanced_security_options { enabled = true }` or `advanced_security_options { internal_user_database_enabled = true }`.",
    remediation: "Enable `advanced_security_options` with a master user or role.",
    references: ["https://docs.aws.amazon.com/opensearch-service/latest/developerguide/fgac.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        or(
            must_be_true(setting_at(
                r,
                "advanced_security_options.internal_user_database_enabled",
                "",
            )),
            must_be_true(setting_at(r, "advanced_security_options.enabled", "")),
        ),
        "fine-grained access control is not enabled",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(options: &str) -> &'static str {
        let r = resource(
            "aws_opensearch_domain",
            &format!(
                r#"{{"advanced_security_options":[{{"anonymous_auth_enabled":true{options}}}]}}"#
            ),
        );
        match evaluate(&r, &Cx::new(std::slice::from_ref(&r))) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn either_switch_turns_access_control_on() {
        assert_eq!(judge(""), "fail");
        assert_eq!(
            judge(r#","enabled":false,"internal_user_database_enabled":false"#),
            "fail"
        );
        assert_eq!(judge(r#","enabled":true"#), "pass");
        assert_eq!(
            judge(r#","enabled":false,"internal_user_database_enabled":true"#),
            "pass"
        );
        assert_eq!(judge(r#","enabled":{"$unknown":["var.fgac"]}"#), "unknown");
    }
}
