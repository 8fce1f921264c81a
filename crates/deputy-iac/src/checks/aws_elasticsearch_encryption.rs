//! DPY-AWS-ES-001: OpenSearch domain is not encrypted at rest.
//!
//! # What it checks
//! `aws_elasticsearch_domain` and `aws_opensearch_domain` set `encrypt_at_rest { enabled = true }`
//! (CloudFormation `EncryptionAtRestOptions.Enabled`).
//!
//! # Why it matters
//! Search indexes often copy the most sensitive fields of other stores; unencrypted, their
//! disks and snapshots expose them.
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
//!   encrypt_at_rest {
//!     enabled = true
//!   }
//! }
//! ```
//!
//! # Remediation
//! Enable `encrypt_at_rest` (it can only be set when the domain is created).
//!
//! # References
//! - <https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html>

use super::aws::{must_be_true, setting_at, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(SearchEncryptionAtRest {
    code: "DPY-AWS-ES-001",
    checkov: ["CKV_AWS_5"],
    title: "OpenSearch domain is not encrypted at rest",
    severity: High,
    reason: "trivy-checks AWS-0048 (Elasticsearch encryption at rest) is High; KICS \"ElasticSearch Not Encrypted At Rest\" is High",
    targets: [
        (Terraform, "aws_elasticsearch_domain"),
        (Terraform, "aws_opensearch_domain"),
        (CloudFormation, "AWS::Elasticsearch::Domain")
    ],
    description: "`aws_elasticsearch_domain` and `aws_opensearch_domain` set `encrypt_at_rest { enabled = true }` (CloudFormation `EncryptionAtRestOptions.Enabled`).",
    remediation: "Enable `encrypt_at_rest` (it can only be set when the domain is created).",
    references: [
        "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_true(setting_at(
            r,
            "encrypt_at_rest.enabled",
            "EncryptionAtRestOptions.Enabled",
        )),
        "the domain is not encrypted at rest",
    )
}
