//! DPY-AWS-ES-010: OpenSearch domain has no dedicated master nodes.
//!
//! # What it checks
//! `aws_elasticsearch_domain` and `aws_opensearch_domain` set
//! `cluster_config { dedicated_master_enabled = true }`.
//!
//! # Why it matters
//! Without dedicated masters the data nodes also manage the cluster, and a node overloaded
//! by queries can take cluster management, and with it the domain, down.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_opensearch_domain" "search" {
//!   domain_name = "search"
//!   cluster_config {
//!     instance_type = "r6g.large.search"
//!   }
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_opensearch_domain" "search" {
//!   domain_name = "search"
//!   cluster_config {
//!     instance_type            = "r6g.large.search"
//!     dedicated_master_enabled = true
//!     dedicated_master_count   = 3
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `dedicated_master_enabled = true` with a `dedicated_master_type` and count in
//! `cluster_config`.
//!
//! # References
//! - <https://docs.aws.amazon.com/opensearch-service/latest/developerguide/managedomains-dedicatedmasternodes.html>

use super::aws::{must_be_true, setting_at, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(SearchDedicatedMaster {
    code: "DPY-AWS-ES-010",
    checkov: ["CKV2_AWS_59"],
    title: "OpenSearch domain has no dedicated master nodes",
    severity: Low,
    reason: "neither trivy-checks nor KICS has an equivalent; dedicated masters concern availability rather than confidentiality, so Low",
    targets: [
        (Terraform, "aws_elasticsearch_domain"),
        (Terraform, "aws_opensearch_domain")
    ],
    description: "`aws_elasticsearch_domain` and `aws_opensearch_domain` set `cluster_config { dedicated_master_enabled = true }`.",
    remediation: "Set `dedicated_master_enabled = true` with a `dedicated_master_type` and count in `cluster_config`.",
    references: [
        "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/managedomains-dedicatedmasternodes.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_true(setting_at(r, "cluster_config.dedicated_master_enabled", "")),
        "the domain has no dedicated master nodes",
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
    fn domains_need_dedicated_masters() {
        assert_eq!(judge("{}"), "fail");
        assert_eq!(
            judge(r#"{"cluster_config":[{"dedicated_master_enabled":false}]}"#),
            "fail"
        );
        assert_eq!(
            judge(r#"{"cluster_config":[{"dedicated_master_enabled":true}]}"#),
            "pass"
        );
        assert_eq!(
            judge(r#"{"cluster_config":[{"dedicated_master_enabled":{"$unknown":[]}}]}"#),
            "unknown"
        );
    }
}
