//! DPY-AWS-EC2-015: EC2 instance has no IAM instance profile.
//!
//! # What it checks
//! An `aws_instance` sets `iam_instance_profile`.
//!
//! # Why it matters
//! An instance without a role gets AWS credentials some other way, usually long-lived access
//! keys stored on the instance, which leak with the disk, the image or the user data; a role
//! hands it short-lived credentials that rotate on their own.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_instance" "app" {
//!   ami           = "ami-12345678"
//!   instance_type = "t3.micro"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_instance" "app" {
//!   ami                  = "ami-12345678"
//!   instance_type        = "t3.micro"
//!   iam_instance_profile = aws_iam_instance_profile.app.name
//! }
//! ```
//!
//! # Remediation
//! Create an `aws_iam_instance_profile` for a role with the permissions the instance needs and
//! set `iam_instance_profile`.
//!
//! # References
//! - <https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html>

use super::aws::{must_be_set, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(Ec2IamRole {
    code: "DPY-AWS-EC2-015",
    checkov: ["CKV2_AWS_41"],
    title: "EC2 instance has no IAM instance profile",
    severity: Low,
    reason: "neither trivy-checks nor KICS has an equivalent for Terraform; Low: a missing role is not an exposure in itself, it only makes stored access keys more likely",
    targets: [(Terraform, "aws_instance")],
    description: "An `aws_instance` sets `iam_instance_profile`.",
    remediation: "Create an `aws_iam_instance_profile` for a role with the permissions the instance needs and set `iam_instance_profile`.",
    references: [
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_set(r.config.get("iam_instance_profile")),
        "the instance has no IAM instance profile",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(config: &str) -> &'static str {
        let r = resource("aws_instance", config);
        match evaluate(&r, &Cx::new(std::slice::from_ref(&r))) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn an_instance_profile_is_required() {
        assert_eq!(judge(r#"{"iam_instance_profile":"app"}"#), "pass");
        assert_eq!(judge("{}"), "fail");
        assert_eq!(
            judge(r#"{"iam_instance_profile":{"$unknown":[]}}"#),
            "unknown"
        );
    }
}
