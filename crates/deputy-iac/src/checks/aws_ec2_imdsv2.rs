//! DPY-AWS-EC2-005: Instance metadata service allows IMDSv1.
//!
//! # What it checks
//! EC2 instances, launch templates and launch configurations either disable the metadata
//! endpoint (`http_endpoint = "disabled"`) or require session tokens (`http_tokens = "required"`,
//! CloudFormation `MetadataOptions.HttpTokens: required`); a missing `metadata_options` allows IMDSv1.
//!
//! # Why it matters
//! IMDSv1 answers any HTTP GET from the instance, so a server-side request forgery in an
//! application hands out the instance role's credentials; IMDSv2's session token stops that.
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
//!   metadata_options {
//!     http_endpoint = "enabled"
//!     http_tokens   = "required"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `metadata_options { http_tokens = "required" }` (or disable the endpoint when the
//! instance does not need it).
//!
//! # References
//! - <https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html>

use super::aws::{must_equal, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Framework, Resource, Truth, Value};

check!(Imdsv2Required {
    code: "DPY-AWS-EC2-005",
    checkov: ["CKV_AWS_79"],
    title: "Instance metadata service allows IMDSv1",
    severity: High,
    reason: "trivy-checks AWS-0028 (IMDS session tokens on instances) and AWS-0130 (on launch templates) are High; KICS has no equivalent",
    targets: [
        (Terraform, "aws_instance"),
        (Terraform, "aws_launch_template"),
        (Terraform, "aws_launch_configuration"),
        (CloudFormation, "AWS::EC2::LaunchTemplate")
    ],
    description: "EC2 instances, launch templates and launch configurations either disable the metadata endpoint (`http_endpoint = \"disabled\"`) or require session tokens (`http_tokens = \"required\"`, CloudFormation `MetadataOptions.HttpTokens: required`); a missing `metadata_options` allows IMDSv1.",
    remediation: "Set `metadata_options { http_tokens = \"required\" }` (or disable the endpoint when the instance does not need it).",
    references: [
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let (options, endpoint, tokens) = match r.framework {
        Framework::CloudFormation => (
            r.config
                .path("Properties.LaunchTemplateData.MetadataOptions"),
            "HttpEndpoint",
            "HttpTokens",
        ),
        _ => (
            r.config.get("metadata_options"),
            "http_endpoint",
            "http_tokens",
        ),
    };
    // Terraform writes the options as a block (a list of one map).
    let options = options.and_then(|o| match o {
        Value::List(items) => items.first(),
        other => Some(other),
    });
    let ok = match options {
        None | Some(Value::Null) => Truth::False,
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(o) if must_equal(o.get(endpoint), "disabled") == Truth::True => Truth::True,
        Some(o) => must_equal(o.get(tokens), "required"),
    };
    verdict(
        ok,
        "the instance metadata service does not require IMDSv2 session tokens",
    )
}
