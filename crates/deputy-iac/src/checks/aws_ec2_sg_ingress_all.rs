//! DPY-AWS-EC2-004: Security group allows ingress from the internet to all ports.
//!
//! # What it checks
//! Ingress rules of security groups (`ingress` blocks, `aws_security_group_rule` of type
//! `ingress`, `aws_vpc_security_group_ingress_rule`) do not admit
//! every port (protocol `-1`) from `0.0.0.0/0` or `::/0`. A port range of 0–0 counts as every port; a rule
//! limited to the group itself, a prefix list or another security group is not open.
//!
//! # Why it matters
//! A rule admitting all protocols and ports from anywhere exposes every service on the
//! instances, including ones never meant to be reachable (databases, admin consoles, agents).
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_security_group" "web" {
//!   ingress {
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
//! resource "aws_security_group" "web" {
//!   ingress {
//!     from_port   = 0
//!     to_port     = 0
//!     protocol    = "-1"
//!     cidr_blocks = ["10.0.0.0/16"]
//!   }
//! }
//! ```
//!
//! # Remediation
//! Admit every port (protocol `-1`) only from the address ranges or security groups that need it; reach
//! administrative ports through a bastion, AWS Systems Manager Session Manager or a VPN.
//!
//! # References
//! - <https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html>
//! - <https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html>

use super::aws::sg::port_verdict;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(SgIngressAll {
    code: "DPY-AWS-EC2-004",
    checkov: ["CKV_AWS_277"],
    title: "Security group allows ingress from the internet to all ports",
    severity: Critical,
    reason: "KICS \"Unrestricted Security Group Ingress\" is High; trivy-checks has no all-ports security group check, but rates a network ACL rule allowing all ports (AWS-0102) Critical. Critical, as trivy: every service on the instance is reachable from the internet",
    targets: [
        (Terraform, "aws_security_group"),
        (Terraform, "aws_security_group_rule"),
        (Terraform, "aws_vpc_security_group_ingress_rule")
    ],
    description: "Ingress rules of security groups (`ingress` blocks, `aws_security_group_rule` of type `ingress`, `aws_vpc_security_group_ingress_rule`) do not admit every port (protocol `-1`) from `0.0.0.0/0` or `::/0`. A port range of 0–0 counts as every port; a rule limited to the group itself, a prefix list or another security group is not open.",
    remediation: "Admit every port (protocol `-1`) only from the address ranges or security groups that need it; reach administrative ports through a bastion, AWS Systems Manager Session Manager or a VPN.",
    references: [
        "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html",
        "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    port_verdict(r, -1)
}
