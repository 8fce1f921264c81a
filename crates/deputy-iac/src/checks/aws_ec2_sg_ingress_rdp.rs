//! DPY-AWS-EC2-002: Security group allows ingress from the internet to RDP (port 3389).
//!
//! # What it checks
//! Ingress rules of security groups (`ingress` blocks, `aws_security_group_rule` of type
//! `ingress`, `aws_vpc_security_group_ingress_rule`, CloudFormation `SecurityGroupIngress`) do not admit
//! port 3389 from `0.0.0.0/0` or `::/0`. A port range of 0–0 counts as every port; a rule
//! limited to the group itself, a prefix list or another security group is not open.
//!
//! # Why it matters
//! RDP exposed to the internet is a leading ransomware entry point: password spraying and RDP
//! vulnerabilities (BlueKeep) give interactive access to Windows hosts.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_security_group" "web" {
//!   ingress {
//!     from_port   = 3389
//!     to_port     = 3389
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
//!     from_port   = 3389
//!     to_port     = 3389
//!     protocol    = "tcp"
//!     cidr_blocks = ["10.0.0.0/16"]
//!   }
//! }
//! ```
//!
//! # Remediation
//! Admit port 3389 only from the address ranges or security groups that need it; reach
//! administrative ports through a bastion, AWS Systems Manager Session Manager or a VPN.
//!
//! # References
//! - <https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html>
//! - <https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html>

use super::aws::sg::port_verdict;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(SgIngressRdp {
    code: "DPY-AWS-EC2-002",
    checkov: ["CKV_AWS_25"],
    title: "Security group allows ingress from the internet to RDP (port 3389)",
    severity: High,
    reason: "trivy-checks AWS-0107 (unrestricted ingress to SSH or RDP) is High; KICS \"Remote Desktop Port Open To Internet\" is High",
    targets: [
        (Terraform, "aws_security_group"),
        (Terraform, "aws_security_group_rule"),
        (Terraform, "aws_vpc_security_group_ingress_rule"),
        (CloudFormation, "AWS::EC2::SecurityGroup"),
        (CloudFormation, "AWS::EC2::SecurityGroupIngress")
    ],
    description: "Ingress rules of security groups (`ingress` blocks, `aws_security_group_rule` of type `ingress`, `aws_vpc_security_group_ingress_rule`, CloudFormation `SecurityGroupIngress`) do not admit port 3389 from `0.0.0.0/0` or `::/0`. A port range of 0–0 counts as every port; a rule limited to the group itself, a prefix list or another security group is not open.",
    remediation: "Admit port 3389 only from the address ranges or security groups that need it; reach administrative ports through a bastion, AWS Systems Manager Session Manager or a VPN.",
    references: [
        "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html",
        "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    port_verdict(r, 3389)
}
