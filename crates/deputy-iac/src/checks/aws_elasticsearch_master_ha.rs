//! DPY-AWS-ES-007: OpenSearch domain has fewer than three dedicated master nodes.
//!
//! # What it checks
//! `aws_elasticsearch_domain` and `aws_opensearch_domain` set
//! `cluster_config { dedicated_master_count }` to a number of at least 3 and
//! `zone_awareness_enabled = true`.
//!
//! # Why it matters
//! With fewer than three master nodes, or all of them in one Availability Zone, losing a
//! node or a zone leaves the cluster without a quorum and the domain unavailable.
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
//!     zone_awareness_enabled   = true
//!   }
//! }
//! ```
//!
//! # Remediation
//! Run at least three dedicated master nodes and enable zone awareness in `cluster_config`.
//!
//! # References
//! - <https://docs.aws.amazon.com/opensearch-service/latest/developerguide/managedomains-dedicatedmasternodes.html>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(SearchMasterHa {
    code: "DPY-AWS-ES-007",
    checkov: ["CKV_AWS_318"],
    title: "OpenSearch domain has fewer than three dedicated master nodes",
    severity: Low,
    reason: "neither trivy-checks nor KICS has an equivalent; the master count concerns availability rather than confidentiality, so Low",
    targets: [
        (Terraform, "aws_elasticsearch_domain"),
        (Terraform, "aws_opensearch_domain")
    ],
    description: "`aws_elasticsearch_domain` and `aws_opensearch_domain` set `cluster_config { dedicated_master_count }` to a number of at least 3 and `zone_awareness_enabled = true`.",
    remediation: "Run at least three dedicated master nodes and enable zone awareness in `cluster_config`.",
    references: [
        "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/managedomains-dedicatedmasternodes.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        highly_available(r),
        "the domain does not run three dedicated master nodes across zones",
    )
}

fn highly_available(r: &Resource) -> Truth {
    let config = match r.config.get("cluster_config") {
        Some(Value::Unknown(_)) => return Truth::Unknown,
        Some(Value::List(items)) => match items.first() {
            Some(c) => c,
            None => return Truth::False,
        },
        _ => return Truth::False,
    };
    // The count must be written as a number, as Checkov reads it.
    let count = match config.get("dedicated_master_count") {
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(Value::Number(n)) if *n >= 3.0 && n.fract() == 0.0 => Truth::True,
        _ => Truth::False,
    };
    let zones = match config.get("zone_awareness_enabled") {
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(v) if v.truth() == Truth::True => Truth::True,
        _ => Truth::False,
    };
    match (count, zones) {
        (Truth::False, _) | (_, Truth::False) => Truth::False,
        (Truth::True, Truth::True) => Truth::True,
        _ => Truth::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(cluster: &str) -> &'static str {
        let r = resource(
            "aws_opensearch_domain",
            &format!(r#"{{"cluster_config":[{{"instance_type":"r6g.large.search"{cluster}}}]}}"#),
        );
        match evaluate(&r, &Cx::new(std::slice::from_ref(&r))) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn domains_need_three_masters_across_zones() {
        assert_eq!(judge(""), "fail");
        assert_eq!(
            judge(r#","dedicated_master_count":3,"zone_awareness_enabled":true"#),
            "pass"
        );
        assert_eq!(
            judge(r#","dedicated_master_count":3,"zone_awareness_enabled":false"#),
            "fail"
        );
        assert_eq!(
            judge(r#","dedicated_master_count":2,"zone_awareness_enabled":true"#),
            "fail"
        );
        assert_eq!(
            judge(r#","dedicated_master_count":{"$unknown":[]},"zone_awareness_enabled":true"#),
            "unknown"
        );
    }
}
