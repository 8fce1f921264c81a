//! DPY-AWS-ES-006: OpenSearch domain endpoint allows outdated TLS.
//!
//! # What it checks
//! `aws_elasticsearch_domain` and `aws_opensearch_domain` set
//! `domain_endpoint_options { tls_security_policy }` to `Policy-Min-TLS-1-2-2019-07` or
//! `Policy-Min-TLS-1-2-PFS-2023-10`.
//!
//! # Why it matters
//! The default policy still accepts TLS 1.0 and 1.1, whose known weaknesses let an attacker
//! on the path downgrade or break the encryption of requests to the domain.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_opensearch_domain" "search" {
//!   domain_name = "search"
//!   domain_endpoint_options {
//!     enforce_https       = true
//!     tls_security_policy = "Policy-Min-TLS-1-0-2019-07"
//!   }
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_opensearch_domain" "search" {
//!   domain_name = "search"
//!   domain_endpoint_options {
//!     enforce_https       = true
//!     tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"` (or
//! `Policy-Min-TLS-1-2-2019-07`) in `domain_endpoint_options`.
//!
//! # References
//! - <https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html>

use super::aws::{must_be_one_of, setting_at, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(SearchTlsPolicy {
    code: "DPY-AWS-ES-006",
    checkov: ["CKV_AWS_228"],
    title: "OpenSearch domain endpoint allows outdated TLS",
    severity: High,
    reason: "trivy-checks AWS-0126 (Elasticsearch domain endpoint using outdated TLS policy) is High; no KICS equivalent verified",
    targets: [
        (Terraform, "aws_elasticsearch_domain"),
        (Terraform, "aws_opensearch_domain")
    ],
    description: "`aws_elasticsearch_domain` and `aws_opensearch_domain` set `domain_endpoint_options { tls_security_policy }` to `Policy-Min-TLS-1-2-2019-07` or `Policy-Min-TLS-1-2-PFS-2023-10`.",
    remediation: "Set `tls_security_policy = \"Policy-Min-TLS-1-2-PFS-2023-10\"` (or `Policy-Min-TLS-1-2-2019-07`) in `domain_endpoint_options`.",
    references: [
        "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_one_of(
            setting_at(r, "domain_endpoint_options.tls_security_policy", ""),
            &[
                "Policy-Min-TLS-1-2-2019-07",
                "Policy-Min-TLS-1-2-PFS-2023-10",
            ],
        ),
        "the domain endpoint does not require TLS 1.2",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(policy: &str) -> &'static str {
        let r = resource(
            "aws_elasticsearch_domain",
            &format!(r#"{{"domain_endpoint_options":[{{"enforce_https":true{policy}}}]}}"#),
        );
        match evaluate(&r, &Cx::new(std::slice::from_ref(&r))) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn endpoints_need_a_tls_1_2_policy() {
        assert_eq!(judge(""), "fail");
        assert_eq!(
            judge(r#","tls_security_policy":"Policy-Min-TLS-1-0-2019-07""#),
            "fail"
        );
        assert_eq!(
            judge(r#","tls_security_policy":"Policy-Min-TLS-1-2-2019-07""#),
            "pass"
        );
        assert_eq!(
            judge(r#","tls_security_policy":"Policy-Min-TLS-1-2-PFS-2023-10""#),
            "pass"
        );
        assert_eq!(
            judge(r#","tls_security_policy":{"$unknown":[]}"#),
            "unknown"
        );
    }
}
