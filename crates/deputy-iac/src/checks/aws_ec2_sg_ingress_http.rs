//! DPY-AWS-EC2-003: Security group allows ingress from the internet to HTTP (port 80).
//!
//! # What it checks
//! Ingress rules of security groups (`ingress` blocks, `aws_security_group_rule` of type
//! `ingress`, `aws_vpc_security_group_ingress_rule`, CloudFormation `SecurityGroupIngress`) do not admit
//! port 80 from `0.0.0.0/0` or `::/0`. A port range of 0–0 counts as every port; a rule
//! limited to the group itself, a prefix list or another security group is not open.
//!
//! # Why it matters
//! Port 80 open to the world serves traffic without TLS and exposes whatever listens on it;
//! public web traffic belongs behind a load balancer that redirects to HTTPS.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_security_group" "web" {
//!   ingress {
//!     from_port   = 80
//!     to_port     = 80
//!     protocol    = "tcp"
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
//!     from_port   = 80
//!     to_port     = 80
//!     protocol    = "tcp"
//!     cidr_blocks = ["10.0.0.0/16"]
//!   }
//! }
//! ```
//!
//! # Remediation
//! Admit port 80 only from the address ranges or security groups that need it; reach
//! administrative ports through a bastion, AWS Systems Manager Session Manager or a VPN.
//!
//! # References
//! - <https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html>
//! - <https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html>

use super::aws::sg::port_verdict;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(SgIngressHttp {
    code: "DPY-AWS-EC2-003",
    checkov: ["CKV_AWS_260"],
    title: "Security group allows ingress from the internet to HTTP (port 80)",
    severity: Medium,
    reason: "KICS \"HTTP Port Open To Internet\" is Medium; trivy-checks has no equivalent. HTTP is often meant for a web front end, but it is unencrypted",
    targets: [
        (Terraform, "aws_security_group"),
        (Terraform, "aws_security_group_rule"),
        (Terraform, "aws_vpc_security_group_ingress_rule"),
        (CloudFormation, "AWS::EC2::SecurityGroup"),
        (CloudFormation, "AWS::EC2::SecurityGroupIngress")
    ],
    description: "Ingress rules of security groups (`ingress` blocks, `aws_security_group_rule` of type `ingress`, `aws_vpc_security_group_ingress_rule`, CloudFormation `SecurityGroupIngress`) do not admit port 80 from `0.0.0.0/0` or `::/0`. A port range of 0–0 counts as every port; a rule limited to the group itself, a prefix list or another security group is not open.",
    remediation: "Admit port 80 only from the address ranges or security groups that need it; reach administrative ports through a bastion, AWS Systems Manager Session Manager or a VPN.",
    references: [
        "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html",
        "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    port_verdict(r, 80)
}
