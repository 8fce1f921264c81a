//! DPY-AWS-EC2-007: EBS volume is not encrypted.
//!
//! # What it checks
//! `aws_ebs_volume` sets `encrypted = true` (CloudFormation `AWS::EC2::Volume`: `Encrypted: true`).
//!
//! # Why it matters
//! An unencrypted volume's data and snapshots are readable by anyone who can copy or share
//! the snapshot, outside the instance's access controls.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_ebs_volume" "data" {
//!   availability_zone = "eu-west-1a"
//!   size              = 40
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_ebs_volume" "data" {
//!   availability_zone = "eu-west-1a"
//!   size              = 40
//!   encrypted         = true
//! }
//! ```
//!
//! # Remediation
//! Set `encrypted = true` (optionally with `kms_key_id`), or enable EBS encryption by default.
//!
//! # References
//! - <https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html>

use super::aws::{must_be_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Framework, Resource};

check!(EbsVolumeEncryption {
    code: "DPY-AWS-EC2-007",
    checkov: ["CKV_AWS_3"],
    title: "EBS volume is not encrypted",
    severity: High,
    reason: "trivy-checks AWS-0026 (EBS volumes must be encrypted) is High; KICS \"EBS Volume Encryption Disabled\" is High",
    targets: [
        (Terraform, "aws_ebs_volume"),
        (CloudFormation, "AWS::EC2::Volume")
    ],
    description: "`aws_ebs_volume` sets `encrypted = true` (CloudFormation `AWS::EC2::Volume`: `Encrypted: true`).",
    remediation: "Set `encrypted = true` (optionally with `kms_key_id`), or enable EBS encryption by default.",
    references: ["https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html"],
    differences: [
        "`encrypted = True` or `False` (capitalized) is not a Terraform boolean (Terraform rejects it as an invalid reference) and gives no verdict; Checkov's parser reads it as a boolean"
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let v = match r.framework {
        Framework::CloudFormation => r.config.path("Properties.Encrypted"),
        _ => r.config.get("encrypted"),
    };
    verdict(must_be_true(v), "the volume is not encrypted")
}
