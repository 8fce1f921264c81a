//! DPY-AWS-ES-003: OpenSearch domain does not publish audit logs.
//!
//! # What it checks
//! `aws_elasticsearch_domain` and `aws_opensearch_domain` have a `log_publishing_options`
//! block with `log_type = "AUDIT_LOGS"` and `enabled = true`; CloudFormation
//! `AWS::Elasticsearch::Domain` and `AWS::OpenSearchService::Domain` set
//! `LogPublishingOptions.AUDIT_LOGS.Enabled` to true.
//!
//! # Why it matters
//! Audit logs record who authenticated to the domain and which indexes they read or
//! changed; without them access to the data cannot be reviewed.
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
//!   log_publishing_options {
//!     cloudwatch_log_group_arn = aws_cloudwatch_log_group.audit.arn
//!     log_type                 = "AUDIT_LOGS"
//!     enabled                  = true
//!   }
//! }
//! ```
//!
//! # Remediation
//! Publish `AUDIT_LOGS` to a CloudWatch log group with `enabled = true` (audit logs also
//! need fine-grained access control).
//!
//! # References
//! - <https://docs.aws.amazon.com/opensearch-service/latest/developerguide/audit-logs.html>

use super::aws::{must_be_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Framework, Resource, Truth, Value};

check!(SearchAuditLogging {
    code: "DPY-AWS-ES-003",
    checkov: ["CKV_AWS_317"],
    title: "OpenSearch domain does not publish audit logs",
    severity: Medium,
    reason: "trivy-checks AWS-0042 (Elasticsearch domain logging), which tests audit logging, is Medium; KICS \"Elasticsearch Log is disabled\" is Medium",
    targets: [
        (Terraform, "aws_elasticsearch_domain"),
        (Terraform, "aws_opensearch_domain"),
        (CloudFormation, "AWS::Elasticsearch::Domain"),
        (CloudFormation, "AWS::OpenSearchService::Domain")
    ],
    description: "`aws_elasticsearch_domain` and `aws_opensearch_domain` have a `log_publishing_options` block with `log_type = \"AUDIT_LOGS\"` and `enabled = true`; CloudFormation `AWS::Elasticsearch::Domain` and `AWS::OpenSearchService::Domain` set `LogPublishingOptions.AUDIT_LOGS.Enabled` to true.",
    remediation: "Publish `AUDIT_LOGS` to a CloudWatch log group with `enabled = true` (audit logs also need fine-grained access control).",
    references: [
        "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/audit-logs.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let ok = match r.framework {
        Framework::CloudFormation => must_be_true(
            r.config
                .get("Properties")
                .and_then(|p| p.path("LogPublishingOptions.AUDIT_LOGS.Enabled")),
        ),
        _ => terraform(r),
    };
    verdict(ok, "the domain does not publish audit logs")
}

/// Any `log_publishing_options` entry of type `AUDIT_LOGS` written as enabled.
fn terraform(r: &Resource) -> Truth {
    let options = match r.config.get("log_publishing_options") {
        Some(Value::Unknown(_)) => return Truth::Unknown,
        Some(Value::List(items)) => items.as_slice(),
        _ => return Truth::False,
    };
    let mut answer = Truth::False;
    for option in options {
        let this = match option.get("log_type") {
            Some(Value::Unknown(_)) => match must_be_true(option.get("enabled")) {
                Truth::False => Truth::False,
                _ => Truth::Unknown,
            },
            Some(Value::String(s)) if s == "AUDIT_LOGS" => must_be_true(option.get("enabled")),
            _ => Truth::False,
        };
        match this {
            Truth::True => return Truth::True,
            Truth::Unknown => answer = Truth::Unknown,
            Truth::False => {}
        }
    }
    answer
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(kind: &str, config: &str) -> &'static str {
        let r = resource(kind, config);
        match evaluate(&r, &Cx::new(std::slice::from_ref(&r))) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn terraform_domains_need_an_enabled_audit_log_option() {
        let es = "aws_opensearch_domain";
        let option = |log_type: &str, enabled: &str| {
            format!(
                r#"{{"log_publishing_options":[{{"log_type":"INDEX_SLOW_LOGS"}},{{"log_type":{log_type}{enabled}}}]}}"#
            )
        };
        assert_eq!(judge(es, "{}"), "fail");
        assert_eq!(
            judge(es, &option(r#""AUDIT_LOGS""#, r#","enabled":true"#)),
            "pass"
        );
        assert_eq!(judge(es, &option(r#""AUDIT_LOGS""#, "")), "fail");
        assert_eq!(
            judge(es, &option(r#""AUDIT_LOGS""#, r#","enabled":false"#)),
            "fail"
        );
        assert_eq!(
            judge(
                es,
                &option(r#""ES_APPLICATION_LOGS""#, r#","enabled":true"#)
            ),
            "fail"
        );
        assert_eq!(
            judge(
                es,
                &option(r#"{"$unknown":["var.log_type"]}"#, r#","enabled":true"#)
            ),
            "unknown"
        );
        assert_eq!(
            judge(
                es,
                &option(r#""AUDIT_LOGS""#, r#","enabled":{"$unknown":["var.on"]}"#)
            ),
            "unknown"
        );
    }

    #[test]
    fn cloudformation_domains_enable_audit_logs() {
        let kind = "AWS::Elasticsearch::Domain";
        let with = |enabled: &str| {
            format!(
                r#"{{"Properties":{{"LogPublishingOptions":{{"AUDIT_LOGS":{{"Enabled":{enabled}}}}}}}}}"#
            )
        };
        assert_eq!(judge(kind, r#"{"Properties":{}}"#), "fail");
        assert_eq!(judge(kind, &with("true")), "pass");
        assert_eq!(judge(kind, &with("false")), "fail");
        assert_eq!(judge(kind, &with(r#"{"$unknown":[]}"#)), "unknown");
    }
}
