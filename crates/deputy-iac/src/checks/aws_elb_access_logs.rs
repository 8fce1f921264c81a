//! DPY-AWS-ELB-002: Classic load balancer does not write access logs.
//!
//! # What it checks
//! An `aws_elb` has an `access_logs` block that is not disabled (`enabled` defaults to `true`);
//! a CloudFormation `AWS::ElasticLoadBalancing::LoadBalancer` sets
//! `AccessLoggingPolicy.Enabled: true`.
//!
//! # Why it matters
//! Access logs record every request the load balancer receives; without them there is no
//! record to investigate an attack or an outage with.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_elb" "web" {
//!   name               = "web"
//!   availability_zones = ["us-west-2a"]
//!   listener {
//!     instance_port     = 8080
//!     instance_protocol = "http"
//!     lb_port           = 80
//!     lb_protocol       = "http"
//!   }
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_elb" "web" {
//!   name               = "web"
//!   availability_zones = ["us-west-2a"]
//!   listener {
//!     instance_port     = 8080
//!     instance_protocol = "http"
//!     lb_port           = 80
//!     lb_protocol       = "http"
//!   }
//!   access_logs {
//!     bucket  = aws_s3_bucket.lb_logs.bucket
//!     enabled = true
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add an `access_logs` block naming an S3 bucket (CloudFormation: `AccessLoggingPolicy` with
//! `Enabled: true`).
//!
//! # References
//! - <https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/access-log-collection.html>

use super::aws::{must_be_true, setting_at, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Framework, Resource, Truth, Value};

check!(ElbAccessLogs {
    code: "DPY-AWS-ELB-002",
    checkov: ["CKV_AWS_92"],
    title: "Classic load balancer does not write access logs",
    severity: Low,
    reason: "KICS \"ELB Access Logging Disabled\" is Info; trivy-checks has no equivalent for classic load balancers. Low: logging is a detective control, but without it requests cannot be investigated at all",
    targets: [
        (Terraform, "aws_elb"),
        (CloudFormation, "AWS::ElasticLoadBalancing::LoadBalancer")
    ],
    description: "An `aws_elb` has an `access_logs` block that is not disabled (`enabled` defaults to `true`); a CloudFormation `AWS::ElasticLoadBalancing::LoadBalancer` sets `AccessLoggingPolicy.Enabled: true`.",
    remediation: "Add an `access_logs` block naming an S3 bucket (CloudFormation: `AccessLoggingPolicy` with `Enabled: true`).",
    references: [
        "https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/access-log-collection.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let ok = match r.framework {
        Framework::CloudFormation => must_be_true(setting_at(r, "", "AccessLoggingPolicy.Enabled")),
        _ => match r.config.get("access_logs") {
            None | Some(Value::Null) => Truth::False,
            Some(Value::Unknown(_)) => Truth::Unknown,
            Some(logs) => match logs.items().next() {
                None => Truth::False,
                Some(first) if first.is_unknown() => Truth::Unknown,
                Some(first) => match first.get("enabled") {
                    None => Truth::True,
                    enabled => must_be_true(enabled),
                },
            },
        },
    };
    verdict(ok, "the load balancer does not write access logs")
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
    fn access_logs_are_on_unless_disabled() {
        assert_eq!(judge("aws_elb", "{}"), "fail");
        assert_eq!(
            judge("aws_elb", r#"{"access_logs":[{"bucket":"b"}]}"#),
            "pass"
        );
        assert_eq!(
            judge("aws_elb", r#"{"access_logs":[{"enabled":true}]}"#),
            "pass"
        );
        assert_eq!(
            judge("aws_elb", r#"{"access_logs":[{"enabled":false}]}"#),
            "fail"
        );
        assert_eq!(
            judge(
                "aws_elb",
                r#"{"access_logs":[{"enabled":{"$unknown":[]}}]}"#
            ),
            "unknown"
        );
        let cfn = "AWS::ElasticLoadBalancing::LoadBalancer";
        assert_eq!(judge(cfn, r#"{"Properties":{}}"#), "fail");
        assert_eq!(
            judge(
                cfn,
                r#"{"Properties":{"AccessLoggingPolicy":{"Enabled":true}}}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(
                cfn,
                r#"{"Properties":{"AccessLoggingPolicy":{"Enabled":false}}}"#
            ),
            "fail"
        );
    }
}
