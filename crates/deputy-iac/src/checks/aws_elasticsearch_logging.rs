//! DPY-AWS-ES-002: OpenSearch domain does not publish logs.
//!
//! # What it checks
//! `aws_elasticsearch_domain` and `aws_opensearch_domain` have a `log_publishing_options`
//! block whose first entry is not switched off with `enabled = false`; CloudFormation
//! `AWS::Elasticsearch::Domain` and `AWS::OpenSearchService::Domain` enable at least one
//! entry of `LogPublishingOptions`.
//!
//! # Why it matters
//! Without slow, error or audit logs in CloudWatch there is no record of what a domain did,
//! which leaves failures and abuse unexplained.
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
//!     cloudwatch_log_group_arn = aws_cloudwatch_log_group.search.arn
//!     log_type                 = "INDEX_SLOW_LOGS"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add a `log_publishing_options` block that sends the domain's logs to a CloudWatch log
//! group.
//!
//! # References
//! - <https://docs.aws.amazon.com/opensearch-service/latest/developerguide/createdomain-configure-slow-logs.html>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Framework, Resource, Truth, Value};

check!(SearchLogging {
    code: "DPY-AWS-ES-002",
    checkov: ["CKV_AWS_84"],
    title: "OpenSearch domain does not publish logs",
    severity: Medium,
    reason: "trivy-checks AWS-0042 (Elasticsearch domain logging) is Medium; KICS \"Elasticsearch Log is disabled\" is Medium",
    targets: [
        (Terraform, "aws_elasticsearch_domain"),
        (Terraform, "aws_opensearch_domain"),
        (CloudFormation, "AWS::Elasticsearch::Domain"),
        (CloudFormation, "AWS::OpenSearchService::Domain")
    ],
    description: "`aws_elasticsearch_domain` and `aws_opensearch_domain` have a `log_publishing_options` block whose first entry is not switched off with `enabled = false`; CloudFormation `AWS::Elasticsearch::Domain` and `AWS::OpenSearchService::Domain` enable at least one entry of `LogPublishingOptions`.",
    remediation: "Add a `log_publishing_options` block that sends the domain's logs to a CloudWatch log group.",
    references: [
        "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/createdomain-configure-slow-logs.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let ok = match r.framework {
        Framework::CloudFormation => cloudformation(r),
        _ => terraform(r),
    };
    verdict(ok, "the domain publishes no logs")
}

/// Terraform: the first `log_publishing_options` entry decides; it only fails when it has a
/// `cloudwatch_log_group_arn` and is written as disabled.
fn terraform(r: &Resource) -> Truth {
    let first = match r.config.get("log_publishing_options") {
        Some(Value::Unknown(_)) => return Truth::Unknown,
        Some(Value::List(items)) => match items.first() {
            Some(first) => first,
            None => return Truth::False,
        },
        Some(m @ Value::Map(_)) => m,
        _ => return Truth::False,
    };
    if first.get("cloudwatch_log_group_arn").is_none() {
        return Truth::True;
    }
    match first.get("enabled") {
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(v) if v.truth() == Truth::False => Truth::False,
        _ => Truth::True,
    }
}

/// CloudFormation: any entry of the `LogPublishingOptions` map with `Enabled` true.
fn cloudformation(r: &Resource) -> Truth {
    let options = match r
        .config
        .get("Properties")
        .and_then(|p| p.get("LogPublishingOptions"))
    {
        Some(Value::Unknown(_)) => return Truth::Unknown,
        Some(Value::Map(m)) => m,
        _ => return Truth::False,
    };
    let mut answer = Truth::False;
    for option in options.values() {
        match option.get("Enabled") {
            Some(Value::Unknown(_)) => answer = Truth::Unknown,
            Some(v) if v.truth() == Truth::True => return Truth::True,
            _ => {}
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
    fn terraform_domains_are_judged_by_their_first_log_option() {
        let es = "aws_elasticsearch_domain";
        let option = |enabled: &str| {
            format!(
                r#"{{"log_publishing_options":[{{"cloudwatch_log_group_arn":{{"$unknown":["aws_cloudwatch_log_group.l"]}},"log_type":"INDEX_SLOW_LOGS"{enabled}}}]}}"#
            )
        };
        assert_eq!(judge(es, "{}"), "fail");
        assert_eq!(judge(es, r#"{"log_publishing_options":[]}"#), "fail");
        assert_eq!(judge(es, &option("")), "pass");
        assert_eq!(judge(es, &option(r#","enabled":true"#)), "pass");
        assert_eq!(judge(es, &option(r#","enabled":false"#)), "fail");
        assert_eq!(
            judge(es, &option(r#","enabled":{"$unknown":["var.on"]}"#)),
            "unknown"
        );
        assert_eq!(
            judge(
                "aws_opensearch_domain",
                r#"{"log_publishing_options":{"$unknown":[]}}"#
            ),
            "unknown"
        );
    }

    #[test]
    fn cloudformation_domains_need_one_enabled_option() {
        let kind = "AWS::OpenSearchService::Domain";
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
