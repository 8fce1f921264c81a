//! DPY-AWS-EC2-011: Security group allows egress to the internet on all ports.
//!
//! # What it checks
//! Egress rules of security groups (`egress` blocks, `aws_security_group_rule` of type `egress`,
//! `aws_vpc_security_group_egress_rule`) do not admit all protocols and ports (protocol `-1`, ports
//! 0–0 or 0–65535) to `0.0.0.0/0` or `::/0`.
//!
//! # Why it matters
//! Unrestricted egress lets compromised workloads reach command-and-control servers and
//! exfiltrate data anywhere; limiting egress to the destinations a service needs contains a breach.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_security_group" "app" {
//!   egress {
//!     from_port   = 0
//!     to_port     = 0
//!     protocol    = "-1"
//!     cidr_blocks = ["0.0.0.0/0"]
//!   }
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_security_group" "app" {
//!   egress {
//!     from_port   = 443
//!     to_port     = 443
//!     protocol    = "tcp"
//!     cidr_blocks = ["10.0.0.0/16"]
//!   }
//! }
//! ```
//!
//! # Remediation
//! Allow egress only to the ports and destinations the workload needs (VPC endpoints, proxies,
//! specific services).
//!
//! # References
//! - <https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html>

use super::aws::sg::{Direction, direction_verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(SgEgressAll {
    code: "DPY-AWS-EC2-011",
    checkov: ["CKV_AWS_382"],
    title: "Security group allows egress to the internet on all ports",
    severity: Low,
    reason: "trivy-checks AWS-0104 (unrestricted egress) is Critical; KICS has no equivalent. Low: unrestricted egress is the AWS default and near universal, so a higher rating would drown real exposures",
    targets: [
        (Terraform, "aws_security_group"),
        (Terraform, "aws_security_group_rule"),
        (Terraform, "aws_vpc_security_group_egress_rule")
    ],
    description: "Egress rules of security groups (`egress` blocks, `aws_security_group_rule` of type `egress`, `aws_vpc_security_group_egress_rule`) do not admit all protocols and ports (protocol `-1`, ports 0–0 or 0–65535) to `0.0.0.0/0` or `::/0`.",
    remediation: "Allow egress only to the ports and destinations the workload needs (VPC endpoints, proxies, specific services).",
    references: ["https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    direction_verdict(r, -1, Direction::Egress)
}
