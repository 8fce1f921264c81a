//! DPY-AWS-KMS-001: KMS key rotation is not enabled.
//!
//! # What it checks
//! Symmetric and HMAC `aws_kms_key`s set `enable_key_rotation = true` (CloudFormation
//! `EnableKeyRotation: true`); asymmetric keys cannot rotate and get no verdict.
//!
//! # Why it matters
//! Rotation limits how much data one key version protects and how long a leaked key version
//! stays useful; CIS and PCI baselines require it.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_kms_key" "data" {
//!   description = "data"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_kms_key" "data" {
//!   description         = "data"
//!   enable_key_rotation = true
//! }
//! ```
//!
//! # Remediation
//! Set `enable_key_rotation = true` on customer-managed symmetric keys.
//!
//! # References
//! - <https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html>

use super::aws::{must_be_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Framework, Resource, Value};

check!(KmsRotation {
    code: "DPY-AWS-KMS-001",
    checkov: ["CKV_AWS_7"],
    title: "KMS key rotation is not enabled",
    severity: Medium,
    reason: "trivy-checks AWS-0065 (KMS key auto-rotation) is Medium; KICS \"CMK Rotation Disabled\" is Low. Medium, as trivy: rotation limits how much data one key version protects",
    targets: [
        (Terraform, "aws_kms_key"),
        (CloudFormation, "AWS::KMS::Key")
    ],
    description: "Symmetric and HMAC `aws_kms_key`s set `enable_key_rotation = true` (CloudFormation `EnableKeyRotation: true`); asymmetric keys cannot rotate and get no verdict.",
    remediation: "Set `enable_key_rotation = true` on customer-managed symmetric keys.",
    references: ["https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let (spec, rotation) = match r.framework {
        Framework::CloudFormation => (
            r.config.path("Properties.KeySpec"),
            r.config.path("Properties.EnableKeyRotation"),
        ),
        _ => (
            r.config.get("customer_master_key_spec"),
            r.config.get("enable_key_rotation"),
        ),
    };
    match spec {
        Some(Value::String(s)) if !s.contains("SYMMETRIC_DEFAULT") && !s.contains("HMAC") => {
            return Verdict::Unknown;
        }
        Some(Value::Unknown(_)) => return Verdict::Unknown,
        _ => {}
    }
    verdict(must_be_true(rotation), "key rotation is not enabled")
}
