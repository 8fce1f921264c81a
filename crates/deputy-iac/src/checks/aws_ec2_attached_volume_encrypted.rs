//! DPY-AWS-EC2-017: Unencrypted EBS volume is attached to an EC2 instance.
//!
//! # What it checks
//! An `aws_ebs_volume` that an `aws_volume_attachment` refers to sets `encrypted = true`;
//! volumes no attachment refers to pass.
//!
//! # Why it matters
//! Data on an unencrypted volume, and on every snapshot taken of it, can be read by anyone
//! who gets hold of the volume or a snapshot, without the key access that encryption would
//! require.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_ebs_volume" "data" {
//!   availability_zone = "us-west-2a"
//!   size              = 10
//! }
//!
//! resource "aws_volume_attachment" "data" {
//!   device_name = "/dev/sdh"
//!   volume_id   = aws_ebs_volume.data.id
//!   instance_id = aws_instance.web.id
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_ebs_volume" "data" {
//!   availability_zone = "us-west-2a"
//!   size              = 10
//!   encrypted         = true
//! }
//! ```
//!
//! # Remediation
//! Set `encrypted = true` (optionally with a customer-managed `kms_key_id`) on every volume
//! attached to an instance, or turn on EBS encryption by default for the account.
//!
//! # References
//! - <https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html>

use super::aws::{connected, must_be_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(AttachedVolumeEncrypted {
    code: "DPY-AWS-EC2-017",
    checkov: ["CKV2_AWS_2"],
    title: "Unencrypted EBS volume is attached to an EC2 instance",
    severity: High,
    reason: "trivy-checks AWS-0026 (EBS volumes must be encrypted) is High; KICS \"EBS Volume Encryption Disabled\" is High. High, as both and as DPY-AWS-EC2-007",
    targets: [(Terraform, "aws_ebs_volume")],
    description: "An `aws_ebs_volume` that an `aws_volume_attachment` refers to sets `encrypted = true`; volumes no attachment refers to pass.",
    remediation: "Set `encrypted = true` (optionally with a customer-managed `kms_key_id`) on every volume attached to an instance, or turn on EBS encryption by default for the account.",
    references: ["https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html"],
    differences: [],
});

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    let ok = if connected(cx, r, "aws_volume_attachment").next().is_none() {
        Truth::True
    } else {
        must_be_true(r.config.get("encrypted"))
    };
    verdict(ok, "an unencrypted volume is attached to an instance")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(volume: &str, attached: bool) -> &'static str {
        let r = resource("aws_ebs_volume", volume);
        let mut all = vec![r.clone()];
        if attached {
            let mut a = resource(
                "aws_volume_attachment",
                r#"{"volume_id":{"$unknown":["aws_ebs_volume.test"]}}"#,
            );
            a.address = "aws_volume_attachment.a".into();
            all.push(a);
        }
        match evaluate(&r, &Cx::new(&all)) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn attached_volumes_must_be_encrypted() {
        assert_eq!(judge("{}", false), "pass");
        assert_eq!(judge(r#"{"encrypted":true}"#, true), "pass");
        assert_eq!(judge("{}", true), "fail");
        assert_eq!(judge(r#"{"encrypted":false}"#, true), "fail");
        assert_eq!(judge(r#"{"encrypted":{"$unknown":[]}}"#, true), "unknown");
    }
}
