//! DPY-AWS-ES-005: OpenSearch domain is not placed in a VPC.
//!
//! # What it checks
//! `aws_elasticsearch_domain` and `aws_opensearch_domain` have a `vpc_options` block.
//!
//! # Why it matters
//! A domain outside a VPC has a public endpoint that anyone on the internet can reach, with
//! only its access policy in the way; inside a VPC security groups and private subnets also
//! guard it.
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
//!   vpc_options {
//!     subnet_ids         = var.private_subnet_ids
//!     security_group_ids = [aws_security_group.search.id]
//!   }
//! }
//! ```
//!
//! # Remediation
//! Create the domain in private subnets with a `vpc_options` block (a domain cannot be moved
//! into a VPC after creation).
//!
//! # References
//! - <https://docs.aws.amazon.com/opensearch-service/latest/developerguide/vpc.html>

use super::aws::{must_be_set, setting, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(SearchInVpc {
    code: "DPY-AWS-ES-005",
    checkov: ["CKV_AWS_137"],
    title: "OpenSearch domain is not placed in a VPC",
    severity: Medium,
    reason: "neither trivy-checks nor KICS has an equivalent; a domain outside a VPC has an internet-facing endpoint guarded only by its access policy, so Medium",
    targets: [
        (Terraform, "aws_elasticsearch_domain"),
        (Terraform, "aws_opensearch_domain")
    ],
    description: "`aws_elasticsearch_domain` and `aws_opensearch_domain` have a `vpc_options` block.",
    remediation: "Create the domain in private subnets with a `vpc_options` block (a domain cannot be moved into a VPC after creation).",
    references: ["https://docs.aws.amazon.com/opensearch-service/latest/developerguide/vpc.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_set(setting(r, "vpc_options", "")),
        "the domain is not placed in a VPC",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(config: &str) -> &'static str {
        let r = resource("aws_opensearch_domain", config);
        match evaluate(&r, &Cx::new(std::slice::from_ref(&r))) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn domains_need_vpc_options() {
        assert_eq!(judge("{}"), "fail");
        assert_eq!(judge(r#"{"vpc_options":[]}"#), "fail");
        assert_eq!(
            judge(r#"{"vpc_options":[{"subnet_ids":["subnet-00000000"]}]}"#),
            "pass"
        );
        assert_eq!(judge(r#"{"vpc_options":{"$unknown":[]}}"#), "unknown");
    }
}
