//! DPY-AWS-EC2-009: EC2 instance detailed monitoring is disabled.
//!
//! # What it checks
//! `aws_instance` sets `monitoring = true`.
//!
//! # Why it matters
//! Detailed monitoring publishes metrics every minute instead of every five, so alarms and
//! autoscaling react to incidents and abuse (crypto-mining, floods) sooner.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_instance" "web" {
//!   ami           = "ami-123"
//!   instance_type = "t3.micro"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_instance" "web" {
//!   ami           = "ami-123"
//!   instance_type = "t3.micro"
//!   monitoring    = true
//! }
//! ```
//!
//! # Remediation
//! Set `monitoring = true` on the instance.
//!
//! # References
//! - <https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-cloudwatch-new.html>

use super::aws::{must_be_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(DetailedMonitoring {
    code: "DPY-AWS-EC2-009",
    checkov: ["CKV_AWS_126"],
    title: "EC2 instance detailed monitoring is disabled",
    severity: Low,
    reason: "KICS \"EC2 Instance Monitoring Disabled\" is Medium; trivy-checks has no equivalent. Low rather than Medium: detailed monitoring only makes metrics finer-grained, an observability gap and not an exposure",
    targets: [(Terraform, "aws_instance")],
    description: "`aws_instance` sets `monitoring = true`.",
    remediation: "Set `monitoring = true` on the instance.",
    references: ["https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-cloudwatch-new.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_true(r.config.get("monitoring")),
        "detailed monitoring is not enabled",
    )
}
