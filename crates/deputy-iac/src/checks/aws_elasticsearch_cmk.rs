//! DPY-AWS-ES-004: OpenSearch domain is not encrypted with a customer managed key.
//!
//! # What it checks
//! `aws_elasticsearch_domain` and `aws_opensearch_domain` set `encrypt_at_rest { kms_key_id }`.
//!
//! # Why it matters
//! With the AWS managed key anyone allowed to use the service can read the data; a customer
//! managed key lets its key policy decide who may decrypt the indexes and their snapshots,
//! and lets the key be disabled.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_opensearch_domain" "search" {
//!   domain_name = "search"
//!   encrypt_at_rest {
//!     enabled = true
//!   }
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_opensearch_domain" "search" {
//!   domain_name = "search"
//!   encrypt_at_rest {
//!     enabled    = true
//!     kms_key_id = aws_kms_key.search.arn
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `encrypt_at_rest { kms_key_id }` to a customer managed KMS key (it can only be set
//! when the domain is created).
//!
//! # References
//! - <https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html>

use super::aws::{must_be_set, setting_at, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(SearchCmk {
    code: "DPY-AWS-ES-004",
    checkov: ["CKV_AWS_247"],
    title: "OpenSearch domain is not encrypted with a customer managed key",
    severity: Low,
    reason: "KICS \"ElasticSearch Encryption With KMS Disabled\" is High; trivy-checks has no Elasticsearch customer-key check and rates customer managed keys elsewhere Low (AWS-0027 EBS, AWS-0017 log groups). Low, as trivy: encryption at rest itself is DPY-AWS-ES-001, and a customer key only adds control over who may decrypt",
    targets: [
        (Terraform, "aws_elasticsearch_domain"),
        (Terraform, "aws_opensearch_domain")
    ],
    description: "`aws_elasticsearch_domain` and `aws_opensearch_domain` set `encrypt_at_rest { kms_key_id }`.",
    remediation: "Set `encrypt_at_rest { kms_key_id }` to a customer managed KMS key (it can only be set when the domain is created).",
    references: [
        "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_set(setting_at(r, "encrypt_at_rest.kms_key_id", "")),
        "the domain is not encrypted with a customer managed key",
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
    fn domains_need_a_kms_key() {
        assert_eq!(judge("{}"), "fail");
        assert_eq!(judge(r#"{"encrypt_at_rest":[{"enabled":true}]}"#), "fail");
        assert_eq!(
            judge(r#"{"encrypt_at_rest":[{"kms_key_id":{"$unknown":["aws_kms_key.k"]}}]}"#),
            "pass"
        );
        assert_eq!(
            judge(r#"{"encrypt_at_rest":[{"kms_key_id":{"$unknown":[]}}]}"#),
            "unknown"
        );
    }
}
