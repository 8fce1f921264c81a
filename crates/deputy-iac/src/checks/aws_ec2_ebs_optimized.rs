//! DPY-AWS-EC2-010: EC2 instance is not EBS-optimized.
//!
//! # What it checks
//! `aws_instance` sets `ebs_optimized = true`.
//!
//! # Why it matters
//! Without EBS optimization, storage and network traffic share bandwidth, so heavy network
//! use starves disk I/O and the instance degrades unpredictably.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_instance" "db" {
//!   ami           = "ami-123"
//!   instance_type = "m5.large"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_instance" "db" {
//!   ami           = "ami-123"
//!   instance_type = "m5.large"
//!   ebs_optimized = true
//! }
//! ```
//!
//! # Remediation
//! Set `ebs_optimized = true` (it is free and on by default for current instance types).
//!
//! # References
//! - <https://docs.aws.amazon.com/ebs/latest/userguide/ebs-optimized.html>

use super::aws::{must_be_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(EbsOptimized {
    code: "DPY-AWS-EC2-010",
    checkov: ["CKV_AWS_135"],
    title: "EC2 instance is not EBS-optimized",
    severity: Info,
    reason: "KICS \"EC2 Not EBS Optimized\" is Info; trivy-checks has no equivalent. It is a performance setting",
    targets: [(Terraform, "aws_instance")],
    description: "`aws_instance` sets `ebs_optimized = true`.",
    remediation: "Set `ebs_optimized = true` (it is free and on by default for current instance types).",
    references: ["https://docs.aws.amazon.com/ebs/latest/userguide/ebs-optimized.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_true(r.config.get("ebs_optimized")),
        "the instance is not EBS-optimized",
    )
}
