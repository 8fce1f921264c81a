//! DPY-AWS-EC2-006: Launch configuration or instance EBS volume is not encrypted.
//!
//! # What it checks
//! `aws_instance` and `aws_launch_configuration` have a `root_block_device`, and no root or EBS
//! block device sets `encrypted = false` without a snapshot; CloudFormation launch configurations
//! set `Ebs.Encrypted` on every EBS block-device mapping.
//!
//! # Why it matters
//! Unencrypted volumes and their snapshots can be read by anyone who can copy or share a
//! snapshot, and fail most compliance baselines.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_launch_configuration" "web" {
//!   image_id      = "ami-123"
//!   instance_type = "t3.micro"
//!   root_block_device {
//!     encrypted = false
//!   }
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_launch_configuration" "web" {
//!   image_id      = "ami-123"
//!   instance_type = "t3.micro"
//!   root_block_device {
//!     encrypted = true
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `encrypted = true` on every root and EBS block device (or enable EBS encryption by
//! default for the account and region).
//!
//! # References
//! - <https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Framework, Resource, Truth, Value};

check!(LaunchEbsEncryption {
    code: "DPY-AWS-EC2-006",
    checkov: ["CKV_AWS_8"],
    title: "Launch configuration or instance EBS volume is not encrypted",
    severity: High,
    reason: "trivy-checks AWS-0008 (launch configuration with unencrypted block device) and AWS-0131 (instance with unencrypted block device) are High; KICS \"Launch Configuration Is Not Encrypted\" is High",
    targets: [
        (Terraform, "aws_launch_configuration"),
        (Terraform, "aws_instance"),
        (CloudFormation, "AWS::AutoScaling::LaunchConfiguration")
    ],
    description: "`aws_instance` and `aws_launch_configuration` have a `root_block_device`, and no root or EBS block device sets `encrypted = false` without a snapshot; CloudFormation launch configurations set `Ebs.Encrypted` on every EBS block-device mapping.",
    remediation: "Set `encrypted = true` on every root and EBS block device (or enable EBS encryption by default for the account and region).",
    references: ["https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html"],
    differences: [
        "CloudFormation `BlockDeviceMappings` chosen by `Fn::If` on a condition Deputy can evaluate are judged as resolved; Checkov gives no verdict for them",
        "An `ebs_block_device` list that resolves to empty adds no devices; Checkov gives no verdict when it comes from a variable"
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let ok = match r.framework {
        Framework::CloudFormation => cfn(r),
        _ => terraform(r),
    };
    verdict(ok, "an EBS block device is not encrypted")
}

fn terraform(r: &Resource) -> Truth {
    let root = match r.config.get("root_block_device") {
        None | Some(Value::Null) => return Truth::False,
        Some(Value::List(l)) if l.is_empty() => return Truth::False,
        // An empty `root_block_device {}` leaves the root volume unencrypted, as a missing
        // one does.
        Some(Value::List(l))
            if l.first()
                .and_then(Value::as_map)
                .is_some_and(|m| m.is_empty()) =>
        {
            return Truth::False;
        }
        Some(Value::Unknown(_)) => return Truth::Unknown,
        Some(v) => v,
    };
    let ebs = r.config.get("ebs_block_device");
    let mut answer = Truth::True;
    for block in root.items().chain(ebs.into_iter().flat_map(Value::items)) {
        match block_encrypted(block) {
            Truth::False => return Truth::False,
            Truth::Unknown => answer = Truth::Unknown,
            Truth::True => {}
        }
    }
    answer
}

/// A block device is encrypted when it says so or is restored from a snapshot (whose
/// encryption it inherits); one that does not say is undecided, as in Checkov.
fn block_encrypted(block: &Value) -> Truth {
    let snapshot = matches!(block.get("snapshot_id"), Some(v) if !matches!(v, Value::Null));
    match block.get("encrypted") {
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(v) if v.truth() == Truth::True => Truth::True,
        Some(v) if v.truth() == Truth::False && !snapshot => Truth::False,
        _ if snapshot => Truth::True,
        _ => Truth::Unknown,
    }
}

fn cfn(r: &Resource) -> Truth {
    let Some(mappings) = r.config.path("Properties.BlockDeviceMappings") else {
        return Truth::Unknown;
    };
    let Value::List(mappings) = mappings else {
        return Truth::Unknown;
    };
    for m in mappings {
        let Some(ebs) = m.get("Ebs") else {
            continue;
        };
        match ebs.get("Encrypted") {
            Some(Value::Unknown(_)) => return Truth::Unknown,
            Some(v) if v.truth() == Truth::True => {}
            _ => return Truth::False,
        }
    }
    Truth::True
}
