//! DPY-AWS-ES-008: OpenSearch domain uses the default security group.
//!
//! # What it checks
//! `aws_elasticsearch_domain` and `aws_opensearch_domain` set
//! `vpc_options { security_group_ids }`.
//!
//! # Why it matters
//! A VPC domain without its own security groups gets the VPC's default group, which is
//! shared with unrelated resources and usually lets all of them reach the domain.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_opensearch_domain" "search" {
//!   domain_name = "search"
//!   vpc_options {
//!     subnet_ids = var.private_subnet_ids
//!   }
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_opensearch_domain" "search" {
//!   domain_name = "search"
//!   vpc_options {
//!     subnet_ids         = var.private_subnet_ids
//!     security_group_ids = [aws_security_group.search.id]
//!   }
//! }
//! ```
//!
//! # Remediation
//! Give the domain a dedicated security group in `vpc_options { security_group_ids }`.
//!
//! # References
//! - <https://docs.aws.amazon.com/opensearch-service/latest/developerguide/vpc.html>

use super::aws::{must_be_set, setting_at, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(SearchDefaultSg {
    code: "DPY-AWS-ES-008",
    checkov: ["CKV_AWS_248"],
    title: "OpenSearch domain uses the default security group",
    severity: Low,
    reason: "neither trivy-checks nor KICS has an equivalent; the default group's exposure depends on its rules, which DPY-AWS-VPC-002 (Low) checks, so Low",
    targets: [
        (Terraform, "aws_elasticsearch_domain"),
        (Terraform, "aws_opensearch_domain")
    ],
    description: "`aws_elasticsearch_domain` and `aws_opensearch_domain` set `vpc_options { security_group_ids }`.",
    remediation: "Give the domain a dedicated security group in `vpc_options { security_group_ids }`.",
    references: ["https://docs.aws.amazon.com/opensearch-service/latest/developerguide/vpc.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_set(setting_at(r, "vpc_options.security_group_ids", "")),
        "the domain has no security group of its own",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(config: &str) -> &'static str {
        let r = resource("aws_elasticsearch_domain", config);
        match evaluate(&r, &Cx::new(std::slice::from_ref(&r))) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn domains_need_their_own_security_groups() {
        assert_eq!(judge("{}"), "fail");
        assert_eq!(judge(r#"{"vpc_options":[{}]}"#), "fail");
        assert_eq!(
            judge(r#"{"vpc_options":[{"security_group_ids":[]}]}"#),
            "fail"
        );
        assert_eq!(
            judge(r#"{"vpc_options":[{"security_group_ids":["sg-00000000"]}]}"#),
            "pass"
        );
        assert_eq!(
            judge(r#"{"vpc_options":[{"security_group_ids":{"$unknown":[]}}]}"#),
            "unknown"
        );
    }
}
