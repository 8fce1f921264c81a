//! DPY-AWS-NEPTUNE-003: Neptune cluster does not export audit logs.
//!
//! # What it checks
//! `aws_neptune_cluster` lists `"audit"` in `enable_cloudwatch_logs_exports`;
//! `AWS::Neptune::DBCluster` lists `audit` in `EnableCloudwatchLogsExports`.
//!
//! # Why it matters
//! Neptune's audit log records the connections and queries made against the graph. Without
//! exporting it to CloudWatch Logs there is no record to investigate misuse with, alert on,
//! or keep beyond the instance's lifetime.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_neptune_cluster" "graph" {
//!   engine = "neptune"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_neptune_cluster" "graph" {
//!   engine                         = "neptune"
//!   enable_cloudwatch_logs_exports = ["audit"]
//! }
//! ```
//!
//! # Remediation
//! Add `"audit"` to `enable_cloudwatch_logs_exports` (and set `neptune_enable_audit_log = 1`
//! in the cluster parameter group so the log is written).
//!
//! # References
//! - <https://docs.aws.amazon.com/neptune/latest/userguide/cloudwatch-logs.html>

use super::aws::{setting, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(NeptuneLogging {
    code: "DPY-AWS-NEPTUNE-003",
    checkov: ["CKV_AWS_101"],
    title: "Neptune cluster does not export audit logs",
    severity: Medium,
    reason: "trivy-checks AWS-0075 (Neptune log export) is Medium; KICS \"Neptune Logging Is Disabled\" is Medium",
    targets: [
        (Terraform, "aws_neptune_cluster"),
        (CloudFormation, "AWS::Neptune::DBCluster")
    ],
    description: "`aws_neptune_cluster` lists `\"audit\"` in `enable_cloudwatch_logs_exports`; `AWS::Neptune::DBCluster` lists `audit` in `EnableCloudwatchLogsExports`.",
    remediation: "Add `\"audit\"` to `enable_cloudwatch_logs_exports` (and set `neptune_enable_audit_log = 1` in the cluster parameter group so the log is written).",
    references: ["https://docs.aws.amazon.com/neptune/latest/userguide/cloudwatch-logs.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        exports_audit(setting(
            r,
            "enable_cloudwatch_logs_exports",
            "EnableCloudwatchLogsExports",
        )),
        "the audit log is not exported to CloudWatch Logs",
    )
}

/// Whether the list of exported log types includes `audit`; an unresolved list, or an
/// unresolved entry next to no `audit`, is undecided.
fn exports_audit(v: Option<&Value>) -> Truth {
    match v {
        None | Some(Value::Null) => Truth::False,
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(list) => {
            if list.items().any(|i| i.as_str() == Some("audit")) {
                Truth::True
            } else if list.items().any(Value::is_unknown) {
                Truth::Unknown
            } else {
                Truth::False
            }
        }
    }
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
    fn the_audit_log_must_be_exported() {
        let tf = "aws_neptune_cluster";
        assert_eq!(
            judge(tf, r#"{"enable_cloudwatch_logs_exports":["audit"]}"#),
            "pass"
        );
        assert_eq!(
            judge(tf, r#"{"enable_cloudwatch_logs_exports":["slowquery"]}"#),
            "fail"
        );
        assert_eq!(judge(tf, "{}"), "fail");
        assert_eq!(
            judge(tf, r#"{"enable_cloudwatch_logs_exports":{"$unknown":[]}}"#),
            "unknown"
        );
        assert_eq!(
            judge(
                tf,
                r#"{"enable_cloudwatch_logs_exports":["slowquery",{"$unknown":[]}]}"#
            ),
            "unknown"
        );
        let cfn = "AWS::Neptune::DBCluster";
        assert_eq!(
            judge(
                cfn,
                r#"{"Properties":{"EnableCloudwatchLogsExports":["audit"]}}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(cfn, r#"{"Properties":{"EnableCloudwatchLogsExports":[]}}"#),
            "fail"
        );
    }
}
